import { z } from 'zod';
import type { PartitionFilter } from '../sync-server/connectors';
import type { CsObject, MvObject, ObjectRunStepErrors, ObjectSyncPath, RunStepObjectError } from '../sync-server/objects';

/*
 * Why an object does or does not reach Azure AD, in plain words, from what the sync server tells about it:
 * its connector-space and metaverse objects (real-server-tasks.md §5.1-§5.2), the AD connectors' domain
 * and OU filters, and group filtering. Pure, so each case is tested on its own (tests/unit/troubleshoot).
 */

export const troubleshootVerdicts = [
  'not-found',
  'ambiguous',
  'out-of-scope-domain',
  'out-of-scope-ou',
  'out-of-scope-group',
  'not-imported',
  'sync-error',
  'not-joined',
  'cloud-filtered',
  'not-provisioned',
  'export-error',
  'pending-export',
  'exported',
] as const;
export type TroubleshootVerdict = (typeof troubleshootVerdicts)[number];

export const flowRowSchema = z.object({
  attribute: z.string(),
  /** The source attribute's name when it differs (sourceAnchor comes from objectGUID or ms-DS-ConsistencyGuid). */
  sourceAttribute: z.string().nullable(),
  source: z.array(z.string()).nullable(),
  metaverse: z.array(z.string()).nullable(),
  azureAd: z.array(z.string()).nullable(),
});
export type FlowRow = z.infer<typeof flowRowSchema>;

export const explanationSchema = z.object({
  verdict: z.enum(troubleshootVerdicts),
  /** Whether the object reaches Azure AD as it is in AD now. */
  reachesAzureAd: z.boolean(),
  headline: z.string(),
  details: z.array(z.string()),
  /** The Azure AD object's id (from cloudAnchor) once exported. */
  cloudObjectId: z.string().nullable(),
  /** The error's type and the attribute involved, for the sync and export errors; where it was found, and the run that reported it. */
  error: z
    .object({
      type: z.string(),
      attribute: z.string().nullable(),
      message: z.string().nullable(),
      foundIn: z.array(z.enum(['connector-space', 'run-step'])),
      run: z
        .object({
          connectorName: z.string().nullable(),
          runProfileName: z.string().nullable(),
          runNumber: z.number().nullable(),
          endUtc: z.string().nullable(),
          stepResult: z.string().nullable(),
        })
        .nullable(),
    })
    .nullable(),
  flow: z.array(flowRowSchema),
});
export type Explanation = z.infer<typeof explanationSchema>;

/** The AD connectors' filters, and group filtering where it is on. */
export interface ScopeFacts {
  readonly connectors: readonly { readonly name: string; readonly partitions: readonly PartitionFilter[] }[];
  /** The group whose members alone synchronize (group filtering), or null when group filtering is off. */
  readonly filteringGroup: string | null;
}

const under = (dn: string, container: string): boolean => {
  const a = dn.toLowerCase();
  const b = container.toLowerCase();
  return a === b || a.endsWith(`,${b}`);
};

/** The OU filter's decision for a DN: the most specific inclusion or exclusion above it decides (an exclusion wins a tie). */
export function ouFilterDecision(dn: string, partition: PartitionFilter): { included: boolean; entry: string | null; kind: 'inclusion' | 'exclusion' | null } {
  if (partition.containerInclusions.length === 0 && partition.containerExclusions.length === 0) return { included: true, entry: null, kind: null };
  let best: { included: boolean; entry: string | null; kind: 'inclusion' | 'exclusion' | null } = { included: false, entry: null, kind: null };
  let length = -1;
  for (const entry of partition.containerInclusions) {
    if (under(dn, entry) && entry.length > length) {
      length = entry.length;
      best = { included: true, entry, kind: 'inclusion' };
    }
  }
  for (const entry of partition.containerExclusions) {
    if (under(dn, entry) && entry.length >= length) {
      length = entry.length;
      best = { included: false, entry, kind: 'exclusion' };
    }
  }
  return best;
}

const values = (object: CsObject | MvObject | null | undefined, name: string): string[] | null => {
  const found = object?.attributes.find((attribute) => attribute.name.toLowerCase() === name.toLowerCase());
  return found ? found.values : null;
};

/** The attribute flow for the main attributes: AD value → metaverse → Azure AD. */
export function attributeFlow(ad: CsObject | null, mv: MvObject | null, aad: CsObject | null): FlowRow[] {
  const anchorSource = values(ad, 'ms-DS-ConsistencyGuid') ? 'ms-DS-ConsistencyGuid' : 'objectGUID';
  const row = (attribute: string, sourceAttribute: string | null = null): FlowRow => ({
    attribute,
    sourceAttribute,
    source: attribute === 'cloudFiltered' ? null : values(ad, sourceAttribute ?? attribute),
    metaverse: values(mv, attribute),
    azureAd: attribute === 'cloudFiltered' ? null : values(aad, attribute),
  });
  return [row('userPrincipalName'), row('mail'), row('proxyAddresses'), row('displayName'), row('sourceAnchor', anchorSource), row('cloudFiltered')];
}

/** What each export error type means and what to do, after Microsoft's sync error article (§5.4). */
const errorAdvice: Readonly<Record<string, string>> = {
  attributevaluemustbeunique: 'Another object in Azure AD already has this value. Remove the duplicate value from one of the two objects.',
  invalidsoftmatch: 'The soft match on proxyAddresses or userPrincipalName found a cloud object that already has a different source anchor.',
  invalidhardmatch: 'A cloud object has the same source anchor, but taking over cloud objects through a hard match is blocked in the tenant.',
  objecttypemismatch: 'The object it would soft-match in Azure AD is of another type (for example a group or a contact instead of a user).',
  datavalidationfailed: 'Azure AD refused a value: most often a user principal name with invalid characters or format.',
  identitydatavalidationfailed: 'Azure AD refused a value: most often a user principal name with invalid characters or format.',
  largeobject: 'The object or one of its attributes is too large for Azure AD (for example more than 15 userCertificate values).',
  exceededallowedlength: 'An attribute value is longer than Azure AD allows.',
  federateddomainchangeerror: 'The user principal name suffix changes between federated domains, which Azure AD does not allow this way.',
};

/** The attribute an error names: the extra details, else the first "[Attribute value;]" of the error text. */
function errorAttribute(extra: string | null, literal: string | null): string | null {
  if (extra && /^[A-Za-z][\w-]*$/.test(extra.trim())) return extra.trim();
  const match = literal ? /\[([A-Za-z][\w-]*) /.exec(literal) : null;
  if (!match?.[1]) return null;
  const name = match[1];
  return name.charAt(0).toLowerCase() + name.slice(1);
}

const isEmptyGuid = (value: string | null): boolean => value === null || value.trim() === '' || /^0{8}-0{4}-0{4}-0{4}-0{12}$/.test(value.trim());

function base(verdict: TroubleshootVerdict, headline: string, details: string[] = [], flow: FlowRow[] = []): Explanation {
  return { verdict, reachesAzureAd: verdict === 'exported', headline, details, cloudObjectId: null, error: null, flow };
}

/** Why the object does not reach the connector space: domain filtering, OU filtering, or not yet imported. */
function explainMissing(dn: string, scope: ScopeFacts): Explanation {
  let best: { connector: string; partition: PartitionFilter } | null = null;
  for (const connector of scope.connectors) {
    for (const partition of connector.partitions) {
      if (under(dn, partition.dn) && (best === null || partition.dn.length > best.partition.dn.length)) best = { connector: connector.name, partition };
    }
  }
  if (best === null) {
    return base('out-of-scope-domain', 'Out of scope: no AD connector of this server covers the domain of this object.', [
      `No connected domain contains ${dn}. Add its forest or domain in Customize synchronization options.`,
    ]);
  }
  if (!best.partition.selected) {
    return base('out-of-scope-domain', `Out of scope by domain filtering: the domain ${best.partition.dn} is not selected on the connector ${best.connector}.`);
  }
  const decision = ouFilterDecision(dn, best.partition);
  if (!decision.included) {
    const reason =
      decision.kind === 'exclusion' && decision.entry !== null
        ? `the filter excludes ${decision.entry}, the most specific entry above it, and no included OU is closer to it.`
        : 'no selected OU contains it.';
    return base('out-of-scope-ou', `Out of scope by OU filtering on the connector ${best.connector}: ${reason}`, [
      'Objects outside the selected OUs are not imported. Select its OU in Customize synchronization options (Domain and OU filtering).',
    ]);
  }
  return base('not-imported', 'Not yet imported: the object is in scope, but the AD connector space does not hold it.', [
    'Either the object does not exist under this distinguished name, or no import has run since it was created or moved into scope. The next synchronization cycle imports it.',
  ]);
}

type ErrorRun = NonNullable<Explanation['error']>['run'];

function errorRun(runStep: ObjectRunStepErrors | null): ErrorRun {
  const run = runStep?.run;
  return run ? { connectorName: run.connectorName, runProfileName: run.runProfileName, runNumber: run.runNumber, endUtc: run.endDate, stepResult: run.stepResult } : null;
}

/** "the Export run 1234 of contoso.onmicrosoft.com - AAD (ended …, completed-export-errors)". */
function describeRun(run: ErrorRun): string {
  if (run === null) return 'the last export run';
  const ended = [run.endUtc ? `ended ${run.endUtc}` : null, run.stepResult].filter((part) => part !== null).join(', ');
  return `the ${run.runProfileName ?? 'export'} run${run.runNumber !== null ? ` ${run.runNumber}` : ''}${run.connectorName ? ` of ${run.connectorName}` : ''}${ended ? ` (${ended})` : ''}`;
}

const sameError = (a: string, b: string | null): boolean => b !== null && a.trim().toLowerCase() === b.trim().toLowerCase();

const describeRunError = (error: RunStepObjectError): string => {
  const attribute = errorAttribute(error.extraErrorDetails, error.errorLiteral);
  return `${error.errorType ?? 'an error'}${attribute ? ` on ${attribute}` : ''}${error.errorLiteral ? `: ${error.errorLiteral}` : ''}`;
};

/**
 * The export error of the Azure AD connector-space object merged with the newest export run's errors for it:
 * an error in both is said once (with the run that reported it); one only in the run step is reported from it.
 */
function explainExportError(aad: CsObject, runStep: ObjectRunStepErrors | null, flow: FlowRow[]): Explanation | null {
  const runErrors = (runStep?.errors ?? []).filter((error) => error.kind === 'export-error' && (error.errorType ?? '').trim() !== '');
  const run = errorRun(runStep);
  const unreadable = (runStep?.unreadableSteps ?? 0) > 0 ? [`The error XML of ${runStep?.unreadableSteps} step(s) of ${describeRun(run)} could not be read.`] : [];
  if (aad.hasExportError && aad.exportError) {
    const type = aad.exportError.errorType ?? aad.exportError.errorName ?? 'unknown';
    const attribute = errorAttribute(aad.exportError.errorExtraDetails, aad.exportError.errorLiteral);
    const advice = errorAdvice[type.toLowerCase()];
    const same = runErrors.find((error) => sameError(type, error.errorType));
    const others = runErrors.filter((error) => error !== same);
    const runLabel = describeRun(run);
    return {
      ...base('export-error', `The export to Azure AD fails: ${type}${attribute ? ` on ${attribute}` : ''}.`, [
        ...(advice ? [advice] : []),
        ...(aad.exportError.errorLiteral ? [aad.exportError.errorLiteral] : []),
        ...(aad.exportError.retryCount !== null ? [`Tried ${aad.exportError.retryCount} times${aad.exportError.initialOccurrence ? ` since ${aad.exportError.initialOccurrence}` : ''}.`] : []),
        ...(same ? [`Also reported by ${runLabel}.`] : []),
        ...others.map((error) => `${runLabel.charAt(0).toUpperCase()}${runLabel.slice(1)} also reported ${describeRunError(error)}`),
        ...unreadable,
      ], flow),
      error: { type, attribute, message: aad.exportError.errorLiteral, foundIn: same ? ['connector-space', 'run-step'] : ['connector-space'], run: same ? run : null },
    };
  }
  const [first, ...others] = runErrors;
  if (!first) return null;
  const type = first.errorType ?? 'unknown';
  const attribute = errorAttribute(first.extraErrorDetails, first.errorLiteral);
  const advice = errorAdvice[type.toLowerCase()];
  const runLabel = describeRun(run);
  return {
    ...base('export-error', `The last export to Azure AD failed for this object: ${type}${attribute ? ` on ${attribute}` : ''}.`, [
      ...(advice ? [advice] : []),
      ...(first.errorLiteral ? [first.errorLiteral] : []),
      `Reported by ${runLabel}; the connector-space object shows no export error.`,
      ...others.map((error) => `The same run also reported ${describeRunError(error)}`),
      ...unreadable,
    ], flow),
    error: { type, attribute, message: first.errorLiteral, foundIn: ['run-step'], run },
  };
}

/** The explanation of one object's path; `runStep` is what the newest Azure AD export run recorded for its Azure AD object. */
export function explainObjectSync(path: ObjectSyncPath, scope: ScopeFacts, requested: string, runStep: ObjectRunStepErrors | null = null): Explanation {
  if (path.upnLookup && path.upnLookup.count === 0) {
    return base('not-found', `No user in Active Directory has the user principal name ${requested}.`);
  }
  if (path.upnLookup && path.upnLookup.count > 1) {
    return base('ambiguous', `${path.upnLookup.count} users in Active Directory have the user principal name ${requested}; enter the distinguished name of one.`, path.upnLookup.distinguishedNames);
  }
  const dn = path.distinguishedName ?? requested;
  const ad = path.adObjects[0] ?? null;
  if (ad === null) return explainMissing(dn, scope);
  const mv = path.mvObject;
  const aad = path.aadObject;
  const flow = attributeFlow(ad, mv, aad);
  if (ad.hasSyncError && ad.synchronizationError) {
    const type = ad.synchronizationError.errorType ?? 'unknown';
    return {
      ...base('sync-error', `A synchronization error stops this object on the connector ${ad.connectorName}: ${type}.`, [
        ad.synchronizationError.synchronizationStep ? `Step: ${ad.synchronizationError.synchronizationStep}.` : '',
        ad.synchronizationError.stackTrace ?? '',
      ].filter((line) => line !== ''), flow),
      error: { type, attribute: null, message: ad.synchronizationError.stackTrace, foundIn: ['connector-space'], run: null },
    };
  }
  if (mv === null || isEmptyGuid(ad.connectedMvObjectId)) {
    if (scope.filteringGroup !== null) {
      return base('out-of-scope-group', `Out of scope by group filtering: only members of ${scope.filteringGroup} synchronize, and this object is not joined to the metaverse.`, [
        'Add the object to that group (directly: nested members are not synchronized), or remove group filtering.',
      ], flow);
    }
    return base('not-joined', 'Imported but not joined: the object is in the AD connector space but has no metaverse object.', [
      'It is a disconnector: no synchronization rule projected or joined it. Check the scoping filters of the inbound rules for its object type.',
    ], flow);
  }
  const cloudFiltered = (values(mv, 'cloudFiltered') ?? []).some((value) => value.toLowerCase() === 'true');
  if (cloudFiltered) {
    return base('cloud-filtered', 'Filtered by a synchronization rule: its metaverse object has cloudFiltered set to True, so it is not provisioned to Azure AD.', [
      'The standard rules set cloudFiltered for critical system objects, service accounts and other objects that must not synchronize.',
    ], flow);
  }
  if (aad === null) {
    const noAnchor = values(mv, 'sourceAnchor') === null;
    return base('not-provisioned', noAnchor
      ? 'Not provisioned to Azure AD: its metaverse object has no sourceAnchor.'
      : 'Not provisioned to Azure AD: no Azure AD connector-space object is joined to its metaverse object yet.', [
      'The next synchronization provisions it if an outbound rule to Azure AD applies to it.',
    ], flow);
  }
  const exportError = explainExportError(aad, runStep, flow);
  if (exportError) return exportError;
  const anchor = values(aad, 'cloudAnchor')?.[0] ?? null;
  if (anchor === null) {
    return base('pending-export', 'Pending export: the object is ready for Azure AD but has not been exported yet.', [
      'The next export to Azure AD creates it; a staging server exports nothing.',
    ], flow);
  }
  const cloudObjectId = anchor.replace(/^[A-Za-z]+_/, '');
  return {
    ...base('exported', `Synchronized: the object is in Azure AD with the id ${cloudObjectId}.`, [], flow),
    cloudObjectId,
  };
}
