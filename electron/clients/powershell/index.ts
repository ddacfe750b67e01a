export { PowerShellSession } from './powershell-session';
export { PowerShellSessionPool } from './session-pool';
export { operationsModulePath } from './operations-module';
export { buildProcessEnvironment, type PowerShellTarget } from './powershell-target';
