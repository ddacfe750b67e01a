import { AppError } from '../../../shared/core/errors';
import { isEmptyGuid, normalizeGuid } from '../../../shared/configuration/identifiers';
import type { AttributeFlow, JoinGroup, ScopeGroup, SyncRule } from '../../../shared/configuration/summary';
import { child, children, flag, isNode, text, texts, type XmlNode } from './xml-document';

/** Reads a `SynchronizationRules/SynchronizationRule_{id}.xml` (`<synchronizationRule>`). */
export function syncRuleFromXml(document: XmlNode, filePath: string): SyncRule {
  const rule = child(document, 'synchronizationRule');
  const id = text(rule, 'id');
  const precedence = Number.parseInt(text(rule, 'precedence'), 10);
  if (rule === undefined || id === '') {
    throw new AppError('MALFORMED_INPUT', `${filePath} is not a synchronization rule: <synchronizationRule> with <id> expected.`);
  }
  if (!Number.isFinite(precedence)) {
    throw new AppError('MALFORMED_INPUT', `${filePath}: the rule's <precedence> is missing or not a number.`);
  }
  const result: SyncRule = {
    identifier: normalizeGuid(id),
    name: text(rule, 'name'),
    description: text(rule, 'description'),
    direction: text(rule, 'direction'),
    connectorId: normalizeGuid(text(rule, 'connector')),
    connectorName: '',
    sourceObjectType: text(rule, 'sourceObjectType'),
    targetObjectType: text(rule, 'targetObjectType'),
    linkType: text(rule, 'linkType'),
    precedence,
    disabled: flag(text(rule, 'disabled')),
    enablePasswordSync: flag(text(rule, 'EnablePasswordSync')),
    scopingFilter: children(child(rule, 'synchronizationCriteria'), 'conditions').map(scopeGroupFrom),
    joinRules: children(child(rule, 'relationshipCriteria'), 'conditions').map(joinGroupFrom),
    attributeFlows: children(child(rule, 'attribute-mappings'), 'mapping').map(attributeFlowFrom),
  };
  const internalId = text(rule, 'internal-id');
  if (internalId !== '' && !isEmptyGuid(internalId)) result.internalIdentifier = normalizeGuid(internalId);
  const immutableTag = text(rule, 'immutable-tag');
  if (immutableTag !== '') result.immutableTag = immutableTag;
  const softDelete = text(rule, 'softDeleteExpiryInterval');
  if (softDelete !== '') result.softDeleteExpiryInterval = softDelete;
  return result;
}

function scopeGroupFrom(group: XmlNode): ScopeGroup {
  return {
    conditions: children(group, 'scope').map((scope) => ({
      attribute: text(scope, 'csAttribute'),
      operator: text(scope, 'csOperator'),
      value: text(scope, 'csValue'),
    })),
  };
}

function joinGroupFrom(group: XmlNode): JoinGroup {
  return {
    conditions: children(group, 'condition').map((condition) => ({
      sourceAttribute: text(condition, 'csAttribute'),
      targetAttribute: text(condition, 'ilmAttribute'),
      caseSensitive: flag(text(condition, 'caseSensitive')),
    })),
  };
}

/** `<src>` holds either `<attr>` elements (attribute flow) or plain text (a constant). */
function attributeFlowFrom(mapping: XmlNode): AttributeFlow {
  const src = mapping['src'];
  const source = isNode(src) ? texts(src, 'attr') : [];
  const constant = typeof src === 'string' ? src : undefined;
  const expression = text(mapping, 'expression');
  const flow: AttributeFlow = {
    destination: text(mapping, 'dest'),
    source,
    flowType: expression !== '' ? 'Expression' : constant !== undefined && constant !== '' ? 'Constant' : 'Direct',
  };
  if (expression !== '') flow.expression = expression;
  if (constant !== undefined && constant !== '') flow.constant = constant;
  const valueMergeType = text(mapping, 'valueMergeType');
  if (valueMergeType !== '') flow.valueMergeType = valueMergeType;
  const executeOnce = text(mapping, 'executeOnce');
  if (executeOnce !== '') flow.executeOnce = flag(executeOnce);
  return flow;
}
