export { customizeSyncFlow } from './flow';
