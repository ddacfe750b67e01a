export { stagingModeFlow } from './flow';
export { StagingModeNotice } from './StagingModeNotice';
