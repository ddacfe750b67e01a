import { describe, expect, it } from 'vitest';
import { TroubleshootService } from '../../../electron/services/troubleshoot/troubleshoot-service';
import { useLabSyncServerClient } from '../powershell/lab-target';

const attribute = (object: { attributes: { name: string; values: string[] }[] } | null, name: string): string[] | undefined =>
  object?.attributes.find((candidate) => candidate.name === name)?.values;

/** Troubleshoot's reads through the operations module against the lab sync server, on real pwsh, on both profiles. */
describe.each(['contoso', 'contoso-current'] as const)('an object’s path on the %s lab', (profile) => {
  const lab = useLabSyncServerClient(profile);

  it('follows a healthy user from AD through the metaverse to its exported Azure AD object, by UPN', async () => {
    const path = await lab.client.getObjectSyncPath('adele.vance@contoso.com', 'upn');
    expect(path.distinguishedName).toBe('CN=Adele Vance,OU=Sales,OU=Users,OU=CORP,DC=contoso,DC=com');
    expect(path.adObjects).toHaveLength(1);
    expect(path.adObjects[0]).toMatchObject({ connectorName: 'contoso.com', isConnector: true, hasSyncError: false });
    expect(path.mvObject?.objectId).toBe(path.adObjects[0]?.connectedMvObjectId);
    expect(path.aadObject).toMatchObject({ connectorName: 'contoso.onmicrosoft.com - AAD', hasExportError: false });
    expect(path.aadObject?.distinguishedName).toMatch(/^CN=\{[0-9A-F]+\}$/);
    expect(attribute(path.aadObject, 'cloudAnchor')?.[0]).toMatch(/^User_[0-9a-f-]{36}$/);
    expect(attribute(path.mvObject, 'sourceAnchor')).toEqual(attribute(path.aadObject, 'sourceAnchor'));
    expect(path.passwordSyncLogAvailable).toBe(profile === 'contoso-current');
  });

  it('finds nothing for a user in an excluded OU, and nothing (no error) for hostile text', async () => {
    const contractor = await lab.client.getObjectSyncPath('CN=Does Not Exist,OU=Contractors,DC=contoso,DC=com', 'dn');
    expect(contractor).toMatchObject({ adObjects: [], mvObject: null, aadObject: null });
    const hostile = await lab.client.getObjectSyncPath("O'Brien\"; $(Remove-Item -Recurse /) Łukasz 山田@contoso.com", 'upn');
    expect(hostile).toMatchObject({ distinguishedName: null, upnLookup: { count: 0 }, adObjects: [] });
    const star = await lab.client.getObjectSyncPath('*', 'upn');
    expect(star.upnLookup?.count).toBe(0);
  });

  it('reads the duplicate proxy address export error of the seeded user', async () => {
    const path = await lab.client.getObjectSyncPath('CN=Henrietta Gupta,OU=Finance,OU=Users,OU=CORP,DC=contoso,DC=com', 'dn');
    expect(path.aadObject?.hasExportError).toBe(true);
    expect(path.aadObject?.exportError).toMatchObject({ errorType: 'AttributeValueMustBeUnique', errorExtraDetails: 'proxyAddresses' });
    expect(attribute(path.adObjects[0] ?? null, 'proxyAddresses')).toContain('smtp:frontdesk@contoso.com');
  });

  it('reads the duplicate from the newest Azure AD export run’s error XML, and the explanation names the run (a staging server has none)', async () => {
    const henrietta = 'CN=Henrietta Gupta,OU=Finance,OU=Users,OU=CORP,DC=contoso,DC=com';
    const aad = (await lab.client.getObjectSyncPath(henrietta, 'dn')).aadObject!;
    const read = await lab.client.getObjectRunStepErrors({ connectorName: aad.connectorName, objectId: aad.objectId, distinguishedName: aad.distinguishedName });
    const troubleshoot = new TroubleshootService({ syncServer: lab.client, changeGuard: { withSyncCyclesOff: () => Promise.reject(new Error('not in this test')) } });
    const { explanation } = await troubleshoot.troubleshoot(henrietta);
    if (profile === 'contoso-current') {
      expect(read).toEqual({ run: null, errors: [], unreadableSteps: 0 });
      expect(explanation.error).toMatchObject({ type: 'AttributeValueMustBeUnique', foundIn: ['connector-space'], run: null });
      return;
    }
    expect(read.run).toMatchObject({ connectorName: 'contoso.onmicrosoft.com - AAD', runProfileName: 'Export', stepResult: 'completed-export-errors', exportFailures: 1 });
    expect(read.errors).toEqual([
      expect.objectContaining({ kind: 'export-error', dn: aad.distinguishedName, errorType: 'AttributeValueMustBeUnique', errorCode: '0x8023134A', extraErrorDetails: 'proxyAddresses', retryCount: 96 }),
    ]);
    expect(read.errors[0]?.errorLiteral).toContain('[ProxyAddresses SMTP:frontdesk@contoso.com;]');
    expect(explanation.error).toMatchObject({
      type: 'AttributeValueMustBeUnique',
      attribute: 'proxyAddresses',
      foundIn: ['connector-space', 'run-step'],
      run: { connectorName: 'contoso.onmicrosoft.com - AAD', runProfileName: 'Export', runNumber: read.run?.runNumber, stepResult: 'completed-export-errors' },
    });
    expect(explanation.details).toContain(`Also reported by the Export run ${read.run?.runNumber} of contoso.onmicrosoft.com - AAD (ended ${read.run?.endDate}, completed-export-errors).`);
    // A healthy object has nothing in the same run.
    const adele = (await lab.client.getObjectSyncPath('adele.vance@contoso.com', 'upn')).aadObject!;
    expect((await lab.client.getObjectRunStepErrors({ connectorName: adele.connectorName, objectId: adele.objectId, distinguishedName: adele.distinguishedName })).errors).toEqual([]);
  });

  it('reads password hash sync per AD connector without the default record', async () => {
    const state = await lab.client.getPasswordSyncState();
    expect(state.connectors.map((connector) => connector.connectorName)).toEqual(['contoso.com']);
    expect(state.connectors[0]?.partitions.map((partition) => partition.dn)).toEqual(['DC=contoso,DC=com']);
    expect(state.connectors[0]?.enabled).toBe(profile === 'contoso-current');
  });

  it('offers Sync this object now only on the current build, and there synchronizes it (the scheduler is the change guard’s, not the operation’s)', async () => {
    expect(await lab.client.isSingleObjectSyncAvailable()).toBe(profile === 'contoso-current');
    const dn = 'CN=Adele Vance,OU=Sales,OU=Users,OU=CORP,DC=contoso,DC=com';
    if (profile === 'contoso') {
      await expect(lab.client.syncSingleObject(dn)).rejects.toMatchObject({ code: 'POWERSHELL_ERROR', detail: expect.stringContaining('1.6.4.0 or later') });
      return;
    }
    const result = await lab.client.syncSingleObject(dn);
    // contoso-current is a staging server: the object is imported and synchronized, nothing is exported.
    expect(result).toMatchObject({ action: 'Update', status: 'Success' });
    expect(result.steps.map((step) => `${step.name}:${step.status}`)).toContain('ExportSpecificObject:Skipped');
  });
});
