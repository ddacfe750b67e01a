import type { ChangeDraft } from '../../../../../shared/changes/draft';
import type { ChangeRunState } from '../drafts';
import { useWizard } from '../../../../wizard/wizard-context';
import type { WizardContext } from '../../../context';

export type ChangeTask = 'staging' | 'customize';

/** The draft a task sends to main, from the wizard context (null until the task read the server). */
export function draftOf(ctx: WizardContext, task: ChangeTask): ChangeDraft | null {
  if (task === 'staging') return ctx.staging && { kind: 'staging', enabled: ctx.staging.enabled, startSync: ctx.staging.startSync };
  return ctx.customize && { kind: 'customize', edit: ctx.customize.edit, startSync: ctx.customize.startSync };
}

export function runOf(ctx: WizardContext, task: ChangeTask): ChangeRunState | null {
  return (task === 'staging' ? ctx.staging?.run : ctx.customize?.run) ?? null;
}

/** Reads and changes the parts of a change task that the shared Ready/Configuring/Complete pages use. */
export function useChangeTask(task: ChangeTask): {
  draft: ChangeDraft | null;
  run: ChangeRunState | null;
  updateRun: (change: (run: ChangeRunState) => ChangeRunState) => void;
  setStartSync: (startSync: boolean) => void;
} {
  const { ctx, update } = useWizard();
  const updateRun = (change: (run: ChangeRunState) => ChangeRunState): void =>
    update((current) => {
      if (task === 'staging') return current.staging ? { ...current, staging: { ...current.staging, run: change(current.staging.run) } } : current;
      return current.customize ? { ...current, customize: { ...current.customize, run: change(current.customize.run) } } : current;
    });
  const setStartSync = (startSync: boolean): void =>
    update((current) => {
      if (task === 'staging') return current.staging ? { ...current, staging: { ...current.staging, startSync } } : current;
      return current.customize ? { ...current, customize: { ...current.customize, startSync } } : current;
    });
  return { draft: draftOf(ctx, task), run: runOf(ctx, task), updateRun, setStartSync };
}
