import { describe, expect, it } from 'vitest';
import { explainObjectSync, ouFilterDecision, type ScopeFacts } from '../../../shared/troubleshoot/explain';
import type { CsObject, MvObject, ObjectRunStepErrors, ObjectSyncPath, RunStepObjectError } from '../../../shared/sync-server/objects';

const dn = 'CN=Adele Vance,OU=Sales,OU=Users,OU=CORP,DC=contoso,DC=com';
const scope: ScopeFacts = {
  connectors: [
    {
      name: 'contoso.com',
      partitions: [{ dn: 'DC=contoso,DC=com', selected: true, containerInclusions: ['OU=CORP,DC=contoso,DC=com'], containerExclusions: ['DC=contoso,DC=com', 'OU=Service Accounts,OU=CORP,DC=contoso,DC=com'] }],
    },
  ],
  filteringGroup: null,
};

const cs = (overrides: Partial<CsObject> = {}): CsObject => ({
  objectId: '11111111-1111-1111-1111-111111111111',
  connectorId: null,
  connectorName: 'contoso.com',
  distinguishedName: dn,
  objectType: 'user',
  isTransient: false,
  isPlaceHolder: false,
  isConnector: true,
  hasSyncError: false,
  hasExportError: false,
  exportError: null,
  synchronizationError: null,
  connectedMvObjectId: '22222222-2222-2222-2222-222222222222',
  attributes: [
    { name: 'userPrincipalName', values: ['adele.vance@contoso.com'] },
    { name: 'objectGUID', values: ['QtpDGudF+jCfETcPYbDcDQ=='] },
    { name: 'proxyAddresses', values: ['SMTP:adele.vance@contoso.com'] },
  ],
  ...overrides,
});
const mv = (attributes: MvObject['attributes'] = [{ name: 'sourceAnchor', values: ['QtpDGudF+jCfETcPYbDcDQ=='] }, { name: 'userPrincipalName', values: ['adele.vance@contoso.com'] }]): MvObject => ({
  objectId: '22222222-2222-2222-2222-222222222222',
  lineage: [],
  attributes,
});
const aad = (overrides: Partial<CsObject> = {}, cloudAnchor: string | null = 'User_4b2fd5f8-e47c-558c-bcc2-32bb7f485bda'): CsObject =>
  cs({
    connectorName: 'contoso.onmicrosoft.com - AAD',
    distinguishedName: 'CN={5174}',
    attributes: [
      { name: 'userPrincipalName', values: ['adele.vance@contoso.com'] },
      { name: 'sourceAnchor', values: ['QtpDGudF+jCfETcPYbDcDQ=='] },
      ...(cloudAnchor ? [{ name: 'cloudAnchor', values: [cloudAnchor] }] : []),
    ],
    ...overrides,
  });
const path = (overrides: Partial<ObjectSyncPath> = {}): ObjectSyncPath => ({
  distinguishedName: dn,
  upnLookup: null,
  adObjects: [cs()],
  mvObject: mv(),
  aadObject: aad(),
  passwordSyncLog: null,
  passwordSyncLogAvailable: false,
  ...overrides,
});
const missing = (at: string): ObjectSyncPath => path({ distinguishedName: at, adObjects: [], mvObject: null, aadObject: null });

describe('explainObjectSync', () => {
  it('an exported object: in Azure AD with the id from cloudAnchor, and its attribute flow', () => {
    const result = explainObjectSync(path(), scope, dn);
    expect(result).toMatchObject({ verdict: 'exported', reachesAzureAd: true, cloudObjectId: '4b2fd5f8-e47c-558c-bcc2-32bb7f485bda' });
    expect(result.flow.map((row) => row.attribute)).toEqual(['userPrincipalName', 'mail', 'proxyAddresses', 'displayName', 'sourceAnchor', 'cloudFiltered']);
    expect(result.flow.find((row) => row.attribute === 'sourceAnchor')).toEqual({
      attribute: 'sourceAnchor', sourceAttribute: 'objectGUID', source: ['QtpDGudF+jCfETcPYbDcDQ=='], metaverse: ['QtpDGudF+jCfETcPYbDcDQ=='], azureAd: ['QtpDGudF+jCfETcPYbDcDQ=='],
    });
  });

  it('excluded by OU filtering: names the excluding entry', () => {
    const result = explainObjectSync(missing('CN=Ann Lee,OU=Contractors,DC=contoso,DC=com'), scope, 'x');
    expect(result.verdict).toBe('out-of-scope-ou');
    expect(result.headline).toContain('excludes DC=contoso,DC=com');
    const nested = explainObjectSync(missing('CN=svc,OU=Service Accounts,OU=CORP,DC=contoso,DC=com'), scope, 'x');
    expect(nested.headline).toContain('excludes OU=Service Accounts,OU=CORP,DC=contoso,DC=com');
    expect(ouFilterDecision('CN=a,OU=CORP,DC=contoso,DC=com', scope.connectors[0]!.partitions[0]!)).toEqual({ included: true, entry: 'OU=CORP,DC=contoso,DC=com', kind: 'inclusion' });
  });

  it('out of scope by domain: a domain no connector has, and a domain not selected', () => {
    expect(explainObjectSync(missing('CN=a,DC=fabrikam,DC=com'), scope, 'x').verdict).toBe('out-of-scope-domain');
    const unselected: ScopeFacts = { ...scope, connectors: [{ name: 'contoso.com', partitions: [{ ...scope.connectors[0]!.partitions[0]!, selected: false }] }] };
    expect(explainObjectSync(missing(dn), unselected, 'x').headline).toContain('DC=contoso,DC=com is not selected');
  });

  it('in scope but not in the connector space: not yet imported', () => {
    expect(explainObjectSync(missing(dn), scope, dn).verdict).toBe('not-imported');
  });

  it('group filtering: imported, not joined, the group named', () => {
    const result = explainObjectSync(path({ mvObject: null, aadObject: null, adObjects: [cs({ connectedMvObjectId: '00000000-0000-0000-0000-000000000000' })] }), { ...scope, filteringGroup: 'CN=Pilot,OU=Groups,DC=contoso,DC=com' }, dn);
    expect(result.verdict).toBe('out-of-scope-group');
    expect(result.headline).toContain('CN=Pilot,OU=Groups,DC=contoso,DC=com');
  });

  it('not joined without group filtering: a disconnector', () => {
    expect(explainObjectSync(path({ mvObject: null, aadObject: null, adObjects: [cs({ connectedMvObjectId: null })] }), scope, dn).verdict).toBe('not-joined');
  });

  it('a synchronization error on the AD object, with its type', () => {
    const result = explainObjectSync(
      path({ adObjects: [cs({ hasSyncError: true, synchronizationError: { errorType: 'sync-rule-error-function-triggered', synchronizationStep: 'Delta Synchronization', stackTrace: 'InnerException => …', retryCount: 1, latestOccurrence: null } })] }),
      scope,
      dn,
    );
    expect(result).toMatchObject({ verdict: 'sync-error', reachesAzureAd: false, error: { type: 'sync-rule-error-function-triggered' } });
  });

  it('cloudFiltered in the metaverse, and a metaverse object without sourceAnchor', () => {
    expect(explainObjectSync(path({ mvObject: mv([{ name: 'cloudFiltered', values: ['True'] }]), aadObject: null }), scope, dn).verdict).toBe('cloud-filtered');
    const noAnchor = explainObjectSync(path({ mvObject: mv([]), aadObject: null }), scope, dn);
    expect(noAnchor).toMatchObject({ verdict: 'not-provisioned' });
    expect(noAnchor.headline).toContain('no sourceAnchor');
  });

  it.each([
    ['AttributeValueMustBeUnique', 'proxyAddresses', 'Remove the duplicate value'],
    ['InvalidSoftMatch', null, 'soft match'],
    ['ObjectTypeMismatch', null, 'another type'],
    ['LargeObject', null, 'too large'],
    ['DataValidationFailed', 'userPrincipalName', 'invalid characters'],
  ])('an export error %s: its type, the attribute, and what to do', (type, extra, advice) => {
    const exportError = { errorType: type, errorName: type, errorCode: null, errorLiteral: 'Unable to update this object because the following attributes associated with this object have values that may already be associated with another object in your local directory services: [ProxyAddresses SMTP:frontdesk@contoso.com;].', errorExtraDetails: extra, retryCount: 3, initialOccurrence: null, latestOccurrence: null };
    const result = explainObjectSync(path({ aadObject: aad({ hasExportError: true, exportError }) }), scope, dn);
    expect(result.verdict).toBe('export-error');
    expect(result.error?.type).toBe(type);
    expect(result.error?.attribute).toBe(extra ?? 'proxyAddresses');
    expect(result.details.join(' ')).toContain(advice);
  });

  it('provisioned without cloudAnchor: pending export', () => {
    expect(explainObjectSync(path({ aadObject: aad({}, null) }), scope, dn)).toMatchObject({ verdict: 'pending-export', reachesAzureAd: false, cloudObjectId: null });
  });

  it('a UPN that matches no user, or several', () => {
    expect(explainObjectSync(path({ distinguishedName: null, upnLookup: { count: 0, distinguishedNames: [] }, adObjects: [] }), scope, 'nobody@contoso.com').verdict).toBe('not-found');
    expect(explainObjectSync(path({ distinguishedName: null, upnLookup: { count: 2, distinguishedNames: ['CN=a', 'CN=b'] }, adObjects: [] }), scope, 'two@contoso.com').verdict).toBe('ambiguous');
  });
  describe('merged with the newest export run’s error XML', () => {
    const literal = 'Unable to update this object because the following attributes associated with this object have values that may already be associated with another object in your local directory services: [ProxyAddresses SMTP:frontdesk@contoso.com;]. Correct or remove the duplicate values in your local directory.';
    const stepError = (overrides: Partial<RunStepObjectError> = {}): RunStepObjectError => ({
      kind: 'export-error',
      csGuid: '{11111111-1111-1111-1111-111111111111}',
      dn: 'CN={5174}',
      errorType: 'AttributeValueMustBeUnique',
      errorCode: '0x8023134A',
      errorLiteral: literal,
      serverErrorDetail: null,
      extraErrorDetails: 'proxyAddresses',
      retryCount: 96,
      dateOccurred: '2026-11-30T10:00:06.000Z',
      firstOccurred: null,
      ...overrides,
    });
    const runStep = (errors: RunStepObjectError[], unreadableSteps = 0): ObjectRunStepErrors => ({
      run: {
        runHistoryId: 'c5aba9de-a634-4d64-b4ad-c7ad337faf91',
        connectorName: 'contoso.onmicrosoft.com - AAD',
        runProfileName: 'Export',
        runNumber: 12,
        result: 'completed-export-errors',
        stepResult: 'completed-export-errors',
        startDate: '2026-11-30T10:00:05.000Z',
        endDate: '2026-11-30T10:00:06.000Z',
        exportFailures: errors.length,
      },
      errors,
      unreadableSteps,
    });
    const csError = { errorType: 'AttributeValueMustBeUnique', errorName: 'AttributeValueMustBeUnique', errorCode: null, errorLiteral: literal, errorExtraDetails: 'proxyAddresses', retryCount: 96, initialOccurrence: null, latestOccurrence: null };

    it('an error only in the run step: its type, attribute and the run it came from, although the object looks exported', () => {
      const result = explainObjectSync(path(), scope, dn, runStep([stepError()]));
      expect(result).toMatchObject({
        verdict: 'export-error',
        reachesAzureAd: false,
        error: { type: 'AttributeValueMustBeUnique', attribute: 'proxyAddresses', message: literal, foundIn: ['run-step'], run: { runProfileName: 'Export', runNumber: 12, connectorName: 'contoso.onmicrosoft.com - AAD', stepResult: 'completed-export-errors' } },
      });
      expect(result.headline).toBe('The last export to Azure AD failed for this object: AttributeValueMustBeUnique on proxyAddresses.');
      expect(result.details).toContain('Reported by the Export run 12 of contoso.onmicrosoft.com - AAD (ended 2026-11-30T10:00:06.000Z, completed-export-errors); the connector-space object shows no export error.');
      expect(result.details.join(' ')).toContain('Remove the duplicate value');
    });

    it('the same error in both places is said once, with the run that reported it too', () => {
      const result = explainObjectSync(path({ aadObject: aad({ hasExportError: true, exportError: csError }) }), scope, dn, runStep([stepError({ errorType: 'attributevaluemustbeunique' })]));
      expect(result.error).toMatchObject({ type: 'AttributeValueMustBeUnique', foundIn: ['connector-space', 'run-step'], run: { runNumber: 12 } });
      expect(result.details.filter((line) => line.includes('[ProxyAddresses SMTP:frontdesk@contoso.com;]'))).toHaveLength(1);
      expect(result.details.filter((line) => line.includes('Remove the duplicate value'))).toHaveLength(1);
      expect(result.details).toContain('Also reported by the Export run 12 of contoso.onmicrosoft.com - AAD (ended 2026-11-30T10:00:06.000Z, completed-export-errors).');
    });

    it('a different error in the run step is added to the connector-space one', () => {
      const result = explainObjectSync(
        path({ aadObject: aad({ hasExportError: true, exportError: csError }) }),
        scope,
        dn,
        runStep([stepError({ errorType: 'LargeObject', extraErrorDetails: 'userCertificate', errorLiteral: 'The object is too large.' })]),
      );
      expect(result.error).toMatchObject({ type: 'AttributeValueMustBeUnique', foundIn: ['connector-space'], run: null });
      expect(result.details).toContain('The Export run 12 of contoso.onmicrosoft.com - AAD (ended 2026-11-30T10:00:06.000Z, completed-export-errors) also reported LargeObject on userCertificate: The object is too large.');
    });

    it('import errors and unreadable step XML: no export error invented, the unreadable step said', () => {
      const clean = explainObjectSync(path(), scope, dn, runStep([stepError({ kind: 'import-error' })]));
      expect(clean.verdict).toBe('exported');
      const unreadable = explainObjectSync(path({ aadObject: aad({ hasExportError: true, exportError: csError }) }), scope, dn, runStep([], 1));
      expect(unreadable.details.at(-1)).toBe('The error XML of 1 step(s) of the Export run 12 of contoso.onmicrosoft.com - AAD (ended 2026-11-30T10:00:06.000Z, completed-export-errors) could not be read.');
    });

    it('hostile text in the XML stays text in the explanation', () => {
      const hostile = '"; $(Remove-Item -Recurse /) <script>alert(1)</script> 山田';
      const result = explainObjectSync(path(), scope, dn, runStep([stepError({ errorType: 'DataValidationFailed', extraErrorDetails: hostile, errorLiteral: hostile })]));
      expect(result.error).toMatchObject({ type: 'DataValidationFailed', attribute: null, message: hostile });
      expect(result.details).toContain(hostile);
    });
  });
});
