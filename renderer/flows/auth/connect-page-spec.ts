import type { ProductStrings } from '../../../shared/core/branding';
import type { PageSpec } from '../../wizard/flow';
import type { WizardContext } from '../context';

/** The Connect to Azure AD page of a task flow; Next stays disabled until an administrator is signed in. */
export function connectToAzureAdPage(idPrefix: string, strings: ProductStrings): PageSpec<WizardContext> {
  return {
    id: `${idPrefix}:connect`,
    navLabel: strings.connectPageTitle,
    title: strings.connectPageTitle,
    forward: 'Next',
    showPrevious: true,
    isVisible: () => true,
    canProceed: (ctx) => ctx.signedInAsAdmin,
  };
}
