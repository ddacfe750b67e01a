import { AppError } from '../../../shared/core/errors';
import { normalizeGuid } from '../../../shared/configuration/identifiers';
import type { ConnectorKind, PasswordHashSyncSettings, RunProfile, SummaryConnector, SummaryPartition } from '../../../shared/configuration/summary';
import { attribute, child, children, flag, text, texts, type XmlNode } from './xml-document';

/**
 * Reads a `Connectors/Connector_{id}.xml` (`<ma-data>`). Only named configuration fields are picked:
 * the connector's parameters, watermarks and partition cookies are never copied.
 */
export function connectorFromXml(document: XmlNode, filePath: string): SummaryConnector {
  const ma = child(document, 'ma-data');
  const id = text(ma, 'id');
  const name = text(ma, 'name');
  if (ma === undefined || id === '' || name === '') {
    throw new AppError('MALFORMED_INPUT', `${filePath} is not a connector definition: <ma-data> with <id> and <name> expected.`);
  }
  const category = text(ma, 'category');
  const subtype = text(ma, 'subtype');
  const kind = connectorKind(category, subtype);
  const partitionsById = new Map<string, XmlNode>();
  for (const partition of children(child(ma, 'ma-partition-data'), 'partition')) {
    partitionsById.set(normalizeGuid(text(partition, 'id')), partition);
  }
  const connector: SummaryConnector = {
    identifier: normalizeGuid(id),
    name,
    type: category,
    subtype: subtype === '' ? null : subtype,
    kind,
    partitions: [...partitionsById.values()].map(partitionFrom),
    runProfiles: children(child(ma, 'ma-run-data'), 'run-configuration').map((profile) => runProfileFrom(profile, partitionsById)),
  };
  const config = child(child(ma, 'private-configuration'), 'adma-configuration');
  if (config !== undefined) {
    const forest = text(config, 'forest-name');
    const domain = text(config, 'forest-login-domain');
    const user = text(config, 'forest-login-user');
    if (forest !== '') connector.forest = forest;
    if (domain !== '') connector.domain = domain;
    if (user !== '') connector.account = domain !== '' ? `${domain}\\${user}` : user;
  } else {
    const account = connectivityParameter(child(child(ma, 'private-configuration'), 'MAConfig'), 'UserName');
    if (account !== '') connector.account = account;
  }
  const passwordHashSync = passwordHashSyncFrom(ma, config);
  if (passwordHashSync !== undefined) connector.passwordHashSync = passwordHashSync;
  return connector;
}

function connectorKind(category: string, subtype: string): ConnectorKind {
  if (category.toUpperCase() === 'AD') return 'AD';
  if (/azure active directory|microsoft entra/i.test(subtype)) return 'AAD';
  return 'Other';
}

function connectivityParameter(config: XmlNode | undefined, name: string): string {
  const parameter = children(child(config, 'parameter-values'), 'parameter').find(
    (p) => attribute(p, 'name') === name && attribute(p, 'type') !== 'encrypted-string',
  );
  return typeof parameter?.['#text'] === 'string' ? parameter['#text'] : '';
}

function partitionFrom(partition: XmlNode): SummaryPartition {
  const filter = child(partition, 'filter');
  const containers = child(filter, 'containers');
  return {
    dn: text(partition, 'name'),
    name: text(partition, 'display-name'),
    selected: flag(text(partition, 'selected')),
    objectClasses: texts(child(filter, 'object-classes'), 'object-class'),
    containerInclusions: texts(child(containers, 'inclusions'), 'inclusion'),
    containerExclusions: texts(child(containers, 'exclusions'), 'exclusion'),
  };
}

function runProfileFrom(profile: XmlNode, partitionsById: ReadonlyMap<string, XmlNode>): RunProfile {
  return {
    name: text(profile, 'name'),
    steps: children(child(profile, 'configuration'), 'step').map((step) => {
      const stepType = child(step, 'step-type');
      const subtype = text(stepType, 'import-subtype') || text(stepType, 'apply-rules-subtype') || text(stepType, 'export-subtype');
      const partitionId = text(step, 'partition');
      const partition = partitionId === '' ? undefined : partitionsById.get(normalizeGuid(partitionId));
      return {
        type: attribute(stepType, 'type'),
        ...(subtype !== '' ? { subtype } : {}),
        ...(partition !== undefined ? { partition: text(partition, 'name') } : {}),
      };
    }),
  };
}

function optionalNumber(value: string): number | undefined {
  const parsed = Number.parseInt(value, 10);
  return Number.isFinite(parsed) ? parsed : undefined;
}

function passwordHashSyncFrom(ma: XmlNode, adConfig: XmlNode | undefined): PasswordHashSyncSettings | undefined {
  const settings: PasswordHashSyncSettings = {};
  const hashSync = child(adConfig, 'password-hash-sync-config');
  if (hashSync !== undefined) {
    settings.enabled = flag(text(hashSync, 'enabled'));
    const target = text(hashSync, 'target');
    if (target !== '') settings.targetConnectorId = normalizeGuid(target);
  }
  const retry = child(ma, 'password-sync');
  if (retry !== undefined) {
    const maximumRetryCount = optionalNumber(text(retry, 'maximum-retry-count'));
    const retryIntervalSeconds = optionalNumber(text(retry, 'retry-interval'));
    if (maximumRetryCount !== undefined) settings.maximumRetryCount = maximumRetryCount;
    if (retryIntervalSeconds !== undefined) settings.retryIntervalSeconds = retryIntervalSeconds;
    if (text(retry, 'allow-low-security') !== '') settings.allowLowSecurity = flag(text(retry, 'allow-low-security'));
    if (text(retry, 'unlock-account') !== '') settings.unlockAccount = flag(text(retry, 'unlock-account'));
  }
  return Object.keys(settings).length === 0 ? undefined : settings;
}
