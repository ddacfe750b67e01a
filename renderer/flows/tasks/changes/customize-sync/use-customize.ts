import type { CustomizeEdit } from '../../../../../shared/changes/draft';
import type { CustomizeDraft } from '../drafts';
import { useWizard } from '../../../../wizard/wizard-context';

/** The customize draft and a way to change its edit (any change invalidates a prepared plan). */
export function useCustomize(): { draft: CustomizeDraft | null; edit: (change: (edit: CustomizeEdit, draft: CustomizeDraft) => Partial<CustomizeDraft> & { edit?: CustomizeEdit }) => void } {
  const { ctx, update } = useWizard();
  const edit = (change: (edit: CustomizeEdit, draft: CustomizeDraft) => Partial<CustomizeDraft> & { edit?: CustomizeEdit }): void =>
    update((current) => {
      if (!current.customize) return current;
      const patch = change(current.customize.edit, current.customize);
      return { ...current, customize: { ...current.customize, ...patch, run: { ...current.customize.run, plan: null, outcome: null } } };
    });
  return { draft: ctx.customize, edit };
}
