import { createContext, useContext } from 'react';
import type { AppInfo } from '../../shared/app/app-info';
import type { ProductStrings } from '../../shared/core/branding';
import type { WizardContext } from '../flows/context';

/** What a page may read and change of the wizard it sits in. */
export interface WizardPageApi {
  readonly ctx: WizardContext;
  readonly update: (update: (ctx: WizardContext) => WizardContext) => void;
  readonly strings: ProductStrings;
  readonly appInfo: AppInfo;
}

export const WizardPageContext = createContext<WizardPageApi | null>(null);

export function useWizard(): WizardPageApi {
  const value = useContext(WizardPageContext);
  if (!value) throw new Error('useWizard must be used inside the wizard.');
  return value;
}
