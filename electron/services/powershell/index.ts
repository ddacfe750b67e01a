export { PowerShellSession, type CallOptions, type OperationRunner } from './PowerShellSession';
export { PowerShellSessionPool } from './SessionPool';
export { operationsModulePath } from './operationsModule';
export {
  DEFAULT_CALL_TIMEOUT_MS,
  DEFAULT_START_TIMEOUT_MS,
  buildProcessEnvironment,
  defaultPowerShellExecutable,
  type PowerShellTarget,
} from './target';
export { mapPowerShellError, type ErrorContext } from './errors';
export { startNodePowerShell, type ShellFactory, type ShellProcess, type ShellExit, type ShellOutput } from './shell';
