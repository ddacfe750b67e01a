import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildChangePlan } from '../../../shared/changes/plan';
import { AppError } from '../../../shared/core/errors';
import type { CompanyFeaturesChange, GlobalSettingChange, PartitionFilter, Scheduler, SchedulerChange } from '../../../shared/sync-server';
import { executePlan, type PlanClient } from '../../../electron/services/changes/executor';
import { markerPath, writeRunningMarker } from '../../../electron/services/changes/running-marker';
import { restoreInterruptedPlan } from '../../../electron/services/changes/recover';
import { contosoBaseline, unchangedEdit } from './fixtures';

const scheduler = (enabled: boolean): Scheduler => ({
  allowedSyncCycleIntervalSeconds: 1800,
  currentlyEffectiveSyncCycleIntervalSeconds: 1800,
  customizedSyncCycleIntervalSeconds: null,
  nextSyncCyclePolicyType: 'Delta',
  nextSyncCycleStartTimeInUtc: null,
  purgeRunHistoryIntervalSeconds: 604800,
  syncCycleEnabled: enabled,
  maintenanceEnabled: true,
  stagingModeEnabled: false,
  schedulerSuspended: false,
  syncCycleInProgress: false,
});

/** A sync server in memory that records calls; `fail` makes one operation throw or lie. */
function fakeClient(fail: { operation?: string; error?: Error; ignoreChange?: boolean; keepPasswordSyncOff?: boolean } = {}) {
  const calls: string[] = [];
  let cyclesEnabled = true;
  let tenantPasswordHashSync = false;
  let writeback = false;
  const connectorPasswordHashSync = new Map<string, boolean>([['contoso.com', false]]);
  const settings = new Map<string, string>([['Microsoft.OptionalFeature.PasswordHashSync', 'False']]);
  const check = (operation: string): void => {
    calls.push(operation);
    if (fail.operation === operation && fail.error) throw fail.error;
  };
  const features = () => ({ passwordHashSync: tenantPasswordHashSync, forcePasswordChangeOnLogOn: false, userWriteback: false, deviceWriteback: false, unifiedGroupWriteback: false, groupWritebackV2: false });
  const passwordSync = (sourceConnector: string) => ({ sourceConnector, targetConnector: 'contoso.onmicrosoft.com - AAD', enabled: connectorPasswordHashSync.get(sourceConnector) ?? false });
  const client: PlanClient = {
    setScheduler: async (change: SchedulerChange) => {
      check(`setScheduler:${JSON.stringify(change)}`);
      if (change.syncCycleEnabled !== undefined) cyclesEnabled = change.syncCycleEnabled;
      return scheduler(cyclesEnabled);
    },
    setPartitionFilters: async (connectorName: string, partitions: readonly PartitionFilter[]) => {
      check('setPartitionFilters');
      return {
        identifier: null, name: connectorName, type: 'AD', subtype: null, connectorTypeName: 'AD', description: null, listName: null,
        companyName: null, creationTime: null, lastModificationTime: null, runProfiles: [],
        partitions: partitions.map((partition) => ({
          identifier: null, dn: partition.dn, name: null, selected: partition.selected ?? true, isDomain: true, objectClasses: [],
          containerInclusions: partition.containerInclusions ?? [],
          containerExclusions: fail.ignoreChange ? [] : (partition.containerExclusions ?? []),
        })),
      };
    },
    setGlobalSettings: async (changes: readonly GlobalSettingChange[]) => {
      check('setGlobalSettings');
      for (const change of changes) settings.set(change.name, change.value);
      return { version: 1, sqlSchemaVersion: 1, instanceId: null, parameters: [...settings].map(([name, value]) => ({ name, value, scope: null, dataType: null })) };
    },
    getCompanyFeatures: async () => features(),
    setCompanyFeatures: async (change: CompanyFeaturesChange) => {
      check('setCompanyFeatures');
      if (change.passwordHashSync !== undefined) tenantPasswordHashSync = change.passwordHashSync;
      return features();
    },
    getPasswordSyncConfiguration: async (sourceConnector: string) => passwordSync(sourceConnector),
    setPasswordSyncConfiguration: async (sourceConnector: string, targetConnector: string, enable: boolean) => {
      check(`setPasswordSync:${sourceConnector}->${targetConnector}:${enable}`);
      if (!fail.keepPasswordSyncOff) connectorPasswordHashSync.set(sourceConnector, enable);
      return passwordSync(sourceConnector);
    },
    getPasswordResetConfiguration: async (connector: string) => ({ connector, enabled: writeback, modifiedTimestamp: null }),
    setPasswordResetConfiguration: async (connector: string, enable: boolean) => {
      check(`setPasswordReset:${connector}:${enable}`);
      writeback = enable;
      return { connector, enabled: writeback, modifiedTimestamp: null };
    },
    startSyncCycle: async (policyType?: 'Delta' | 'Initial') => {
      check(`startSyncCycle:${policyType}`);
      return { result: 'Success' };
    },
  };
  return { client, calls, cyclesEnabled: () => cyclesEnabled, passwordHashSync: () => ({ connector: connectorPasswordHashSync.get('contoso.com'), tenant: tenantPasswordHashSync }) };
}

function filterAndPhsPlan(writeback = false) {
  const edit = unchangedEdit();
  edit.directories[0]!.partitions[0]!.containerExclusions = ['DC=contoso,DC=com', 'OU=Groups,OU=CORP,DC=contoso,DC=com'];
  edit.features.passwordHashSync = true;
  edit.features.passwordWriteback = writeback;
  return buildChangePlan(contosoBaseline, { kind: 'customize', edit, startSync: true }, { cloudDirectory: 'Azure AD' });
}

const folder = () => mkdtemp(path.join(tmpdir(), 'cw-changes-'));

describe('executePlan', () => {
  it('runs every step in order, reads both password hash sync halves back, restores scheduled cycles and removes the marker', async () => {
    const dataFolder = await folder();
    const fake = fakeClient();
    const progress: string[] = [];
    const outcome = await executePlan(filterAndPhsPlan(true), {
      planId: 'p1', client: fake.client, dataFolder, syncCycleWasEnabled: true,
      onProgress: (stepId, status) => progress.push(`${stepId}:${status}`),
    });
    expect(outcome.succeeded).toBe(true);
    expect(fake.calls).toEqual([
      'setScheduler:{"syncCycleEnabled":false}',
      'setPasswordReset:contoso.onmicrosoft.com - AAD:true', 'setGlobalSettings',
      'setPartitionFilters',
      'setPasswordSync:contoso.com->contoso.onmicrosoft.com - AAD:true', 'setCompanyFeatures', 'setGlobalSettings',
      'setScheduler:{"syncCycleEnabled":true}', 'startSyncCycle:Initial',
    ]);
    expect(progress.slice(0, 2)).toEqual(['step-1:running', 'step-1:succeeded']);
    expect(fake.passwordHashSync()).toEqual({ connector: true, tenant: true });
    expect(fake.cyclesEnabled()).toBe(true);
    expect(existsSync(markerPath(dataFolder))).toBe(false);
  });

  it('after a failed step skips the other changes and the cycle, but still restores scheduled cycles', async () => {
    const dataFolder = await folder();
    const fake = fakeClient({ operation: 'setPartitionFilters', error: new AppError('POWERSHELL_ERROR', 'Access denied.') });
    const outcome = await executePlan(filterAndPhsPlan(), { planId: 'p2', client: fake.client, dataFolder, syncCycleWasEnabled: true, onProgress: () => {} });
    expect(outcome.succeeded).toBe(false);
    expect(outcome.steps.map((step) => step.status)).toEqual(['succeeded', 'failed', 'skipped', 'succeeded', 'skipped']);
    expect(outcome.steps[1]?.message).toBe('Access denied.');
    expect(fake.cyclesEnabled()).toBe(true);
    expect(existsSync(markerPath(dataFolder))).toBe(false);
  });

  it('fails a step whose read-back differs from what was asked', async () => {
    const fake = fakeClient({ ignoreChange: true });
    const outcome = await executePlan(filterAndPhsPlan(), { planId: 'p3', client: fake.client, dataFolder: await folder(), syncCycleWasEnabled: true, onProgress: () => {} });
    expect(outcome.steps[1]).toMatchObject({ status: 'failed', message: expect.stringContaining('did not keep the change') });
    expect(fake.cyclesEnabled()).toBe(true);
  });

  it('fails the password hash sync step when a connector reads back still off', async () => {
    const fake = fakeClient({ keepPasswordSyncOff: true });
    const outcome = await executePlan(filterAndPhsPlan(), { planId: 'p3b', client: fake.client, dataFolder: await folder(), syncCycleWasEnabled: true, onProgress: () => {} });
    expect(outcome.succeeded).toBe(false);
    expect(outcome.steps[2]).toMatchObject({
      title: 'Turn on password hash synchronization',
      status: 'failed',
      message: expect.stringContaining('Password hash synchronization of contoso.com is still off'),
    });
    expect(outcome.steps.slice(3).map((step) => step.status)).toEqual(['succeeded', 'skipped']);
  });

  it('puts the connectors back when the tenant half cannot be set, so the two halves never disagree', async () => {
    const fake = fakeClient({ operation: 'setCompanyFeatures', error: new AppError('GRAPH_UNAVAILABLE', 'Azure AD did not answer.') });
    const outcome = await executePlan(filterAndPhsPlan(), { planId: 'p3c', client: fake.client, dataFolder: await folder(), syncCycleWasEnabled: true, onProgress: () => {} });
    expect(outcome.steps[2]).toMatchObject({ status: 'failed', message: expect.stringContaining('put back, so both halves are as they were') });
    expect(fake.calls).toContain('setPasswordSync:contoso.com->contoso.onmicrosoft.com - AAD:false');
    expect(fake.passwordHashSync()).toEqual({ connector: false, tenant: false });
  });

  it('hands password writeback off when the server asks for a credential, before anything else changed', async () => {
    const fake = fakeClient({ operation: 'setPasswordReset:contoso.onmicrosoft.com - AAD:true', error: new AppError('INTERACTIVE_SIGN_IN_REQUIRED', 'The sync server asked for credentials.') });
    const outcome = await executePlan(filterAndPhsPlan(true), { planId: 'p3d', client: fake.client, dataFolder: await folder(), syncCycleWasEnabled: true, onProgress: () => {} });
    expect(outcome.steps[1]).toMatchObject({ status: 'failed', handOff: 'customize-sync:passwordWriteback' });
    expect(outcome.steps.map((step) => step.status)).toEqual(['succeeded', 'failed', 'skipped', 'skipped', 'succeeded', 'skipped']);
    expect(fake.calls).not.toContain('setPartitionFilters');
  });

  it('reports a cycle already running as a warning, not a failure, and makes the next cycle a full one', async () => {
    const fake = fakeClient({ operation: 'startSyncCycle:Initial', error: new AppError('SYNC_ALREADY_RUNNING', 'Sync is already running.') });
    const outcome = await executePlan(filterAndPhsPlan(), { planId: 'p4', client: fake.client, dataFolder: await folder(), syncCycleWasEnabled: true, onProgress: () => {} });
    expect(outcome.succeeded).toBe(true);
    expect(outcome.steps.at(-1)).toMatchObject({ status: 'warning', message: expect.stringContaining('already running') });
    expect(fake.calls.at(-1)).toBe('setScheduler:{"nextSyncCyclePolicyType":"Initial"}');
  });

  it('keeps the marker when the scheduler cannot be resumed, and recovery at the next start resumes it', async () => {
    const dataFolder = await folder();
    const fake = fakeClient({ operation: 'setScheduler:{"syncCycleEnabled":true}', error: new AppError('TIMEOUT', 'The call timed out.') });
    const outcome = await executePlan(filterAndPhsPlan(), { planId: 'p5', client: fake.client, dataFolder, syncCycleWasEnabled: true, onProgress: () => {} });
    expect(outcome.steps[3]).toMatchObject({ status: 'failed', message: expect.stringContaining('Restore the scheduler from the Welcome page') });
    expect(JSON.parse(await readFile(markerPath(dataFolder), 'utf8'))).toMatchObject({ planId: 'p5', syncCycleWasEnabled: true });
    expect(fake.cyclesEnabled()).toBe(false);

    const healthy = fakeClient();
    expect(await restoreInterruptedPlan(dataFolder, healthy.client)).toMatchObject({ planId: 'p5' });
    expect(healthy.calls).toEqual(['setScheduler:{"syncCycleEnabled":true}']);
    expect(existsSync(markerPath(dataFolder))).toBe(false);
    expect(await restoreInterruptedPlan(dataFolder, healthy.client)).toBeNull();
  });

  it('keeps the marker when the restore at the next start fails too', async () => {
    const dataFolder = await folder();
    await writeRunningMarker(dataFolder, { planId: 'p5b', startedAtUtc: new Date().toISOString(), syncCycleWasEnabled: true });
    const broken = fakeClient({ operation: 'setScheduler:{"syncCycleEnabled":true}', error: new AppError('TIMEOUT', 'The call timed out.') });
    await expect(restoreInterruptedPlan(dataFolder, broken.client)).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(existsSync(markerPath(dataFolder))).toBe(true);
  });

  it('recovers from a half-written marker by turning scheduled cycles back on', async () => {
    const dataFolder = await folder();
    await writeFile(markerPath(dataFolder), '{"planId": "p6", "sta', 'utf8');
    const healthy = fakeClient();
    expect(await restoreInterruptedPlan(dataFolder, healthy.client)).not.toBeNull();
    expect(healthy.calls).toEqual(['setScheduler:{"syncCycleEnabled":true}']);
  });

  it('leaves scheduled cycles that were off before the plan off', async () => {
    const dataFolder = await folder();
    const fake = fakeClient();
    const outcome = await executePlan(filterAndPhsPlan(), { planId: 'p7', client: fake.client, dataFolder, syncCycleWasEnabled: false, onProgress: () => {} });
    expect(outcome.succeeded).toBe(true);
    expect(fake.cyclesEnabled()).toBe(false);
  });
});
