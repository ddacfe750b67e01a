import type { troubleshootChannels } from '../../../shared/contract/troubleshoot';
import type { TroubleshootService } from '../../services/troubleshoot/troubleshoot-service';
import type { AreaHandlers } from '../register';

export function createTroubleshootHandlers(troubleshoot: TroubleshootService): AreaHandlers<typeof troubleshootChannels> {
  return {
    'troubleshoot:object': ({ identity }) => troubleshoot.troubleshoot(identity),
    'troubleshoot:password-sync': () => troubleshoot.getPasswordSyncDiagnostics(),
    'troubleshoot:sync-now': ({ distinguishedName }) => troubleshoot.syncNow(distinguishedName),
  };
}
