import type { nativeWizardChannels } from '../../../shared/contract/native-wizard';
import type { NativeWizardService } from '../../services/native-wizard/native-wizard-service';
import type { AreaHandlers } from '../register';

/** Opening the native wizard for a task or a feature the app hands off. */
export function createNativeWizardHandlers(nativeWizard: NativeWizardService): AreaHandlers<typeof nativeWizardChannels> {
  return {
    'native-wizard:open': (request) => nativeWizard.open(request.openedFor),
  };
}
