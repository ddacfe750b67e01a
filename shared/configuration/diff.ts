import type { ChangeKind, DiffObjectType, DiffValue, FieldChange, SummaryChange, SummaryDiff } from './diff-model';
import { featureLabels } from './features';
import { caseKey } from './identifiers';
import type { AttributeFlow, ConfigurationSummary, OptionalFeatures, RunProfile, SummaryConnector, SummaryPartition, SyncRule } from './summary';
import type { Scheduler } from '../sync-server/scheduler';

/** Settings that change by themselves (the next scheduled start), so comparing them would only add noise. */
export const volatileGlobalSettings: readonly string[] = ['Microsoft.Synchronize.NextStartTime'];
/** Scheduler properties that move with time rather than configuration. */
const volatileSchedulerFields: ReadonlySet<keyof Scheduler> = new Set(['nextSyncCycleStartTimeInUtc', 'syncCycleInProgress']);

const objectTypeOrder: readonly DiffObjectType[] = ['connector', 'partition', 'globalSetting', 'feature', 'scheduler', 'syncRule'];

function sameValue(a: DiffValue, b: DiffValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => item === b[i]);
  return a === b;
}

/** Collects field changes in the order they are compared. */
class FieldDiff {
  readonly fields: FieldChange[] = [];

  value(path: string, before: DiffValue | undefined, after: DiffValue | undefined): void {
    const b = before ?? null;
    const a = after ?? null;
    if (!sameValue(b, a)) this.fields.push({ path, before: b, after: a });
  }

  /** Lists whose order means nothing (DNs, object classes); compared without case, reporting what entered and left. */
  set(path: string, before: readonly string[], after: readonly string[]): void {
    const beforeKeys = new Set(before.map(caseKey));
    const afterKeys = new Set(after.map(caseKey));
    const added = after.filter((item) => !beforeKeys.has(caseKey(item)));
    const removed = before.filter((item) => !afterKeys.has(caseKey(item)));
    if (added.length === 0 && removed.length === 0) return;
    this.fields.push({ path, before: [...before].sort(), after: [...after].sort(), added, removed });
  }
}

type Keyed<T> = { key: string; item: T };

/** Pairs items by key; unmatched ones are added or removed. */
function pairUp<T>(before: readonly Keyed<T>[], after: readonly Keyed<T>[]) {
  const afterByKey = new Map(after.map((entry) => [entry.key, entry.item]));
  const beforeKeys = new Set(before.map((entry) => entry.key));
  return {
    matched: before.flatMap((entry) => {
      const other = afterByKey.get(entry.key);
      return other === undefined ? [] : [{ before: entry.item, after: other }];
    }),
    removed: before.filter((entry) => !afterByKey.has(entry.key)).map((entry) => entry.item),
    added: after.filter((entry) => !beforeKeys.has(entry.key)).map((entry) => entry.item),
  };
}

function change(kind: ChangeKind, objectType: DiffObjectType, name: string, id: string, fields: FieldChange[] = []): SummaryChange {
  return { kind, objectType, name, id, fields };
}

const describeRunProfile = (profile: RunProfile): string =>
  `${profile.name}: ${profile.steps.map((s) => [s.type, s.subtype, s.partition].filter(Boolean).join(' / ')).join('; ')}`;

/**
 * Connectors match by identifier, then (what is left) by name: an active and a staging server give the
 * same connector different GUIDs but the same name.
 */
function matchConnectors(before: readonly SummaryConnector[], after: readonly SummaryConnector[]) {
  const byId = pairUp(
    before.map((c) => ({ key: c.identifier, item: c })),
    after.map((c) => ({ key: c.identifier, item: c })),
  );
  const byName = pairUp(
    byId.removed.map((c) => ({ key: caseKey(c.name), item: c })),
    byId.added.map((c) => ({ key: caseKey(c.name), item: c })),
  );
  return { matched: [...byId.matched, ...byName.matched], removed: byName.removed, added: byName.added };
}

function connectorFields(
  before: SummaryConnector,
  after: SummaryConnector,
  nameOf: (summary: 'a' | 'b', id?: string) => string | undefined,
  lacking: ReadonlySet<string> = new Set(),
): FieldChange[] {
  const d = new FieldDiff();
  d.value('name', before.name, after.name);
  d.value('kind', before.kind, after.kind);
  d.value('forest', before.forest, after.forest);
  d.value('domain', before.domain, after.domain);
  d.value('account', before.account, after.account);
  if (!lacking.has('runProfiles')) d.value('runProfiles', before.runProfiles.map(describeRunProfile), after.runProfiles.map(describeRunProfile));
  const b = before.passwordHashSync ?? {};
  const a = after.passwordHashSync ?? {};
  d.value('passwordHashSync.enabled', b.enabled, a.enabled);
  d.value('passwordHashSync.targetConnector', nameOf('a', b.targetConnectorId), nameOf('b', a.targetConnectorId));
  d.value('passwordHashSync.maximumRetryCount', b.maximumRetryCount, a.maximumRetryCount);
  d.value('passwordHashSync.retryIntervalSeconds', b.retryIntervalSeconds, a.retryIntervalSeconds);
  d.value('passwordHashSync.allowLowSecurity', b.allowLowSecurity, a.allowLowSecurity);
  d.value('passwordHashSync.unlockAccount', b.unlockAccount, a.unlockAccount);
  return d.fields;
}

function partitionFields(before: SummaryPartition, after: SummaryPartition, lacking: ReadonlySet<string>): FieldChange[] {
  const d = new FieldDiff();
  // A native export names a partition by its DN and lists only its OU filter.
  if (!lacking.has('partitionDetails')) {
    d.value('name', before.name, after.name);
    d.value('selected', before.selected, after.selected);
    d.set('objectClasses', before.objectClasses, after.objectClasses);
  }
  d.set('containerInclusions', before.containerInclusions, after.containerInclusions);
  d.set('containerExclusions', before.containerExclusions, after.containerExclusions);
  return d.fields;
}

function diffConnectors(a: ConfigurationSummary, b: ConfigurationSummary): SummaryChange[] {
  const names = { a: new Map(a.connectors.map((c) => [c.identifier, c.name])), b: new Map(b.connectors.map((c) => [c.identifier, c.name])) };
  const nameOf = (side: 'a' | 'b', id?: string) => (id === undefined ? undefined : (names[side].get(id) ?? id));
  const { matched, removed, added } = matchConnectors(a.connectors, b.connectors);
  const changes = [
    ...removed.map((c) => change('removed', 'connector', c.name, c.identifier)),
    ...added.map((c) => change('added', 'connector', c.name, c.identifier)),
  ];
  for (const pair of matched) {
    const fields = connectorFields(pair.before, pair.after, nameOf, lackingOf(a, b));
    if (fields.length > 0) changes.push(change('modified', 'connector', pair.after.name, pair.after.identifier, fields));
    const partitions = pairUp(
      pair.before.partitions.map((p) => ({ key: caseKey(p.dn), item: p })),
      pair.after.partitions.map((p) => ({ key: caseKey(p.dn), item: p })),
    );
    const label = (p: SummaryPartition) => `${pair.after.name} / ${p.dn}`;
    const id = (p: SummaryPartition) => `${pair.after.identifier}/${p.dn}`;
    changes.push(...partitions.removed.map((p) => change('removed', 'partition', label(p), id(p))));
    changes.push(...partitions.added.map((p) => change('added', 'partition', label(p), id(p))));
    for (const p of partitions.matched) {
      const fields = partitionFields(p.before, p.after, lackingOf(a, b));
      if (fields.length > 0) changes.push(change('modified', 'partition', label(p.after), id(p.after), fields));
    }
  }
  return changes;
}

/** What either side does not carry: not compared (a native export has no global settings, features, run profiles). */
function lackingOf(a: ConfigurationSummary, b: ConfigurationSummary): ReadonlySet<string> {
  return new Set([...(a.notInExport ?? []), ...(b.notInExport ?? [])]);
}

function diffGlobalSettings(a: ConfigurationSummary, b: ConfigurationSummary): SummaryChange[] {
  if (lackingOf(a, b).has('globalSettings')) return [];
  const ignored = new Set(volatileGlobalSettings);
  const names = [...new Set([...Object.keys(a.globalSettings), ...Object.keys(b.globalSettings)])].filter((n) => !ignored.has(n));
  return names.flatMap((name) => {
    const before = a.globalSettings[name];
    const after = b.globalSettings[name];
    if (before === undefined) return [change('added', 'globalSetting', name, name, [{ path: 'value', before: null, after: after ?? null }])];
    if (after === undefined) return [change('removed', 'globalSetting', name, name, [{ path: 'value', before, after: null }])];
    return before === after ? [] : [change('modified', 'globalSetting', name, name, [{ path: 'value', before, after }])];
  });
}

function diffFeatures(a: OptionalFeatures | undefined, b: OptionalFeatures | undefined): SummaryChange[] {
  if (a === undefined || b === undefined) return [];
  return (Object.keys(featureLabels) as (keyof OptionalFeatures)[]).flatMap((key) => {
    const d = new FieldDiff();
    if (key === 'exportDeletionThreshold') {
      d.value('enabled', a.exportDeletionThreshold.enabled, b.exportDeletionThreshold.enabled);
      d.value('threshold', a.exportDeletionThreshold.threshold, b.exportDeletionThreshold.threshold);
    } else {
      d.value('enabled', a[key], b[key]);
    }
    return d.fields.length === 0 ? [] : [change('modified', 'feature', featureLabels[key], key, d.fields)];
  });
}

/** The scheduler only exists on live sources; it is compared when both sides have one. */
function diffScheduler(a?: Scheduler, b?: Scheduler): SummaryChange[] {
  if (a === undefined || b === undefined) return [];
  const d = new FieldDiff();
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort() as (keyof Scheduler)[];
  for (const key of keys) if (!volatileSchedulerFields.has(key)) d.value(key, a[key], b[key]);
  return d.fields.length === 0 ? [] : [change('modified', 'scheduler', 'Scheduler', 'scheduler', d.fields)];
}

const describeScopeGroups = (rule: SyncRule): string[] =>
  rule.scopingFilter.map((g) => g.conditions.map((c) => `${c.attribute} ${c.operator} ${c.value}`.trim()).join(' AND '));

const describeJoinGroups = (rule: SyncRule): string[] =>
  rule.joinRules.map((g) =>
    g.conditions.map((c) => `${c.sourceAttribute} = ${c.targetAttribute}${c.caseSensitive ? ' (case-sensitive)' : ''}`).join(' AND '),
  );

function describeFlow(flow: AttributeFlow): string {
  const from = flow.expression ?? flow.constant ?? flow.source.join(', ');
  return `${flow.flowType}: ${from} → ${flow.destination}`;
}

/** Flows are keyed by destination (numbered when a destination repeats), so a moved flow is not a change. */
function keyedFlows(rule: SyncRule): Keyed<AttributeFlow>[] {
  const seen = new Map<string, number>();
  return rule.attributeFlows.map((flow) => {
    const base = caseKey(flow.destination);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { key: n === 1 ? base : `${base}#${n}`, item: flow };
  });
}

function ruleFields(before: SyncRule, after: SyncRule): FieldChange[] {
  const d = new FieldDiff();
  d.value('name', before.name, after.name);
  d.value('description', before.description, after.description);
  d.value('direction', before.direction, after.direction);
  d.value('connector', before.connectorName, after.connectorName);
  d.value('sourceObjectType', before.sourceObjectType, after.sourceObjectType);
  d.value('targetObjectType', before.targetObjectType, after.targetObjectType);
  d.value('linkType', before.linkType, after.linkType);
  d.value('precedence', before.precedence, after.precedence);
  d.value('immutableTag', before.immutableTag, after.immutableTag);
  d.value('disabled', before.disabled, after.disabled);
  d.value('enablePasswordSync', before.enablePasswordSync, after.enablePasswordSync);
  d.value('softDeleteExpiryInterval', before.softDeleteExpiryInterval, after.softDeleteExpiryInterval);
  d.value('scopingFilter', describeScopeGroups(before), describeScopeGroups(after));
  d.value('joinRules', describeJoinGroups(before), describeJoinGroups(after));
  const flows = pairUp(keyedFlows(before), keyedFlows(after));
  for (const flow of flows.removed) d.value(`attributeFlows[${flow.destination}]`, describeFlow(flow), null);
  for (const flow of flows.added) d.value(`attributeFlows[${flow.destination}]`, null, describeFlow(flow));
  for (const { before: fb, after: fa } of flows.matched) {
    const path = `attributeFlows[${fa.destination}]`;
    d.value(`${path}.source`, fb.source, fa.source);
    d.value(`${path}.flowType`, fb.flowType, fa.flowType);
    d.value(`${path}.expression`, fb.expression, fa.expression);
    d.value(`${path}.constant`, fb.constant, fa.constant);
    d.value(`${path}.valueMergeType`, fb.valueMergeType, fa.valueMergeType);
    d.value(`${path}.executeOnce`, fb.executeOnce, fa.executeOnce);
  }
  return d.fields;
}

/** Rules match by identity (their GUID, whatever its case or braces), never by name. */
function diffRules(a: readonly SyncRule[], b: readonly SyncRule[]): SummaryChange[] {
  const rules = pairUp(
    a.map((r) => ({ key: caseKey(r.identifier), item: r })),
    b.map((r) => ({ key: caseKey(r.identifier), item: r })),
  );
  return [
    ...rules.removed.map((r) => change('removed', 'syncRule', r.name, r.identifier)),
    ...rules.added.map((r) => change('added', 'syncRule', r.name, r.identifier)),
    ...rules.matched.flatMap(({ before, after }) => {
      const fields = ruleFields(before, after);
      return fields.length === 0 ? [] : [change('modified', 'syncRule', after.name, after.identifier, fields)];
    }),
  ];
}

function compareChanges(x: SummaryChange, y: SummaryChange): number {
  const byType = objectTypeOrder.indexOf(x.objectType) - objectTypeOrder.indexOf(y.objectType);
  if (byType !== 0) return byType;
  const xn = x.name.toLowerCase();
  const yn = y.name.toLowerCase();
  if (xn !== yn) return xn < yn ? -1 : 1;
  if (x.id !== y.id) return x.id < y.id ? -1 : 1;
  return x.kind < y.kind ? -1 : x.kind > y.kind ? 1 : 0;
}

/** What changed from summary `a` (before) to summary `b` (after), in a deterministic order. */
export function diffSummaries(a: ConfigurationSummary, b: ConfigurationSummary): SummaryDiff {
  const changes = [
    ...diffConnectors(a, b),
    ...diffGlobalSettings(a, b),
    ...diffFeatures(a.features, b.features),
    ...diffScheduler(a.scheduler, b.scheduler),
    ...diffRules(a.syncRules, b.syncRules),
  ].sort(compareChanges);
  const count = (kind: ChangeKind) => changes.filter((c) => c.kind === kind).length;
  return { changes, counts: { added: count('added'), removed: count('removed'), modified: count('modified') } };
}
