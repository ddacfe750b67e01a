export { stagingModeFlow } from './flow';
