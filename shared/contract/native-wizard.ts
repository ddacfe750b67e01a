import { nativeWizardLaunchSchema, nativeWizardOpenRequestSchema } from '../native-wizard/topic';
import { requestSpec } from './define';

/** Handing a task or a feature off to the native wizard, AzureADConnect.exe. */
export const nativeWizardChannels = {
  'native-wizard:open': requestSpec(nativeWizardOpenRequestSchema, nativeWizardLaunchSchema),
} as const;
