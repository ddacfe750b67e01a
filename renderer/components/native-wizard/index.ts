export { NativeWizardHandOff } from './NativeWizardHandOff';
