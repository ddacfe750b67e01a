import { describe, expect, it } from 'vitest';
import { buildChangePlan } from '../../../shared/changes/plan';
import type { StepOutcome, StepStatus } from '../../../shared/changes/plan-outcome';
import { undoPlan } from '../../../shared/changes/undo';
import { contosoBaseline, unchangedEdit } from './fixtures';

const edit = unchangedEdit();
edit.directories[0]!.partitions[0]!.containerExclusions = ['DC=contoso,DC=com', 'OU=Groups,OU=CORP,DC=contoso,DC=com'];
edit.features.passwordHashSync = true;
edit.features.passwordWriteback = true;
const plan = buildChangePlan(contosoBaseline, { kind: 'customize', edit, startSync: true }, { cloudDirectory: 'Azure AD' });
const outcome = (statuses: StepStatus[]): StepOutcome[] => plan.steps.map((step, index) => ({ stepId: step.id, title: step.title, status: statuses[index] ?? 'skipped', message: null, handOff: null }));

describe('undoPlan', () => {
  it('inverts what ran, newest first, back to the baseline, inside the scheduler pattern and without a cycle', () => {
    const undo = undoPlan(contosoBaseline, plan, outcome(['succeeded', 'succeeded', 'failed', 'skipped', 'succeeded', 'skipped']));
    expect(undo.steps.map((step) => step.kind)).toEqual(['pauseSyncCycles', 'setPartitionFilters', 'setPasswordWriteback', 'restoreSyncCycles']);
    expect(undo.steps[1]).toMatchObject({ partitions: [{ dn: 'DC=contoso,DC=com', containerExclusions: ['DC=contoso,DC=com'], containerInclusions: ['OU=CORP,DC=contoso,DC=com'] }] });
    expect(undo.steps[2]).toMatchObject({ enable: false, recordSetting: 'Microsoft.OptionalFeature.PasswordWriteback' });
    expect(undo.changeCount).toBe(2);
  });

  it('has nothing to do when no change step ran', () => {
    expect(undoPlan(contosoBaseline, plan, outcome(['failed'])).steps).toEqual([]);
  });
});
