export { PowerShellSession, type CallOptions, type OperationRunner } from './powershell-session';
export { PowerShellSessionPool } from './session-pool';
export { operationsModulePath } from './operations-module';
export {
  DEFAULT_CALL_TIMEOUT_MS,
  DEFAULT_START_TIMEOUT_MS,
  buildProcessEnvironment,
  defaultPowerShellExecutable,
  type PowerShellTarget,
} from './powershell-target';
export { mapPowerShellError, type ErrorContext } from './errors';
export { startNodePowerShell, type ShellFactory, type ShellProcess, type ShellExit, type ShellOutput } from './shell';
