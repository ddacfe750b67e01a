import { pendingExportsNeedReview } from '../../../../../shared/changes/pending-exports-review';
import type { TaskFlow } from '../../../task-flow';
import type { WizardContext } from '../../../context';
import { connectToAzureAdPage } from '../../../auth/connect-page-spec';
import { changePageSpecs } from '../plan-pages/specs';

export const prefix = 'staging-mode';

const changing = (ctx: WizardContext): boolean => ctx.staging !== null && ctx.staging.enabled !== ctx.staging.current;
const turningOff = (ctx: WizardContext): boolean => ctx.staging !== null && ctx.staging.current && !ctx.staging.enabled;

/**
 * Configure staging mode: Connect to Azure AD, Staging mode, then either (changed) Pending exports when
 * staging is turned off and the hand-off to Azure AD Connect, or (unchanged) Ready to configure,
 * Configuring and Configuration complete, which only start a synchronization if asked.
 */
export const stagingModeFlow: TaskFlow = {
  task: 'staging-mode',
  pages: (strings) => [
    connectToAzureAdPage(prefix, strings),
    {
      id: `${prefix}:staging`,
      navLabel: 'Staging Mode',
      title: 'Staging mode',
      forward: 'Next',
      showPrevious: true,
      isVisible: () => true,
      canProceed: (ctx) => ctx.staging !== null && !ctx.staging.run.syncRunning,
    },
    {
      id: `${prefix}:pending-exports`,
      navLabel: 'Pending exports',
      title: 'Pending exports',
      forward: 'Next',
      showPrevious: true,
      isVisible: turningOff,
      canProceed: (ctx) => {
        const pending = ctx.staging?.pendingExports ?? null;
        return pending !== null && (ctx.staging?.reviewed === true || !pendingExportsNeedReview(pending));
      },
    },
    {
      id: `${prefix}:hand-off`,
      navLabel: 'Azure AD Connect',
      title: 'Configure staging mode in Azure AD Connect',
      forward: 'Exit',
      showPrevious: true,
      isVisible: changing,
      canProceed: () => true,
    },
    ...changePageSpecs(prefix, 'staging', (ctx) => !changing(ctx)),
  ],
};
