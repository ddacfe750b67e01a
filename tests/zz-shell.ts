import { startNodePowerShell } from '../electron/clients/powershell/shell';
import { bootstrapCommand, operationCommand } from '../electron/clients/powershell/wire';
import { labTargetIn } from './integration/powershell/lab-target';
const { target } = labTargetIn('/tmp/connect-lab-00oJBj');
for (let i = 0; i < 3; i++) {
  let t = performance.now();
  const lap = (label: string) => { const n = performance.now(); process.stdout.write(`${label} ${Math.round(n - t)}  `); t = n; };
  const shell = startNodePowerShell(target);
  await shell.invoke('$null'); lap('up');
  await shell.invoke(bootstrapCommand({ operationsModule: target.operationsModule, adSyncModule: target.adSyncModule, activeDirectoryModule: target.activeDirectoryModule ?? '', extraModules: target.extraModules ?? [], modulePath: '' })); lap('boot');
  await shell.invoke(operationCommand('GetScheduler', {})); lap('sched');
  await shell.invoke(operationCommand('GetScheduler', {})); lap('sched2');
  console.log();
  await shell.kill();
}
