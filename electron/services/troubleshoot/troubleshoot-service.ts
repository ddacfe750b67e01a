import { randomUUID } from 'node:crypto';
import { identityKind, type TroubleshootResult } from '../../../shared/troubleshoot/request';
import { explainObjectSync, type ScopeFacts } from '../../../shared/troubleshoot/explain';
import { AppError } from '../../../shared/core/errors';
import type { PasswordSyncState, SingleObjectSyncResult } from '../../../shared/sync-server/objects';
import type { AdSyncClient } from '../../clients/sync-server/ad-sync-client';
import type { ChangeService } from '../changes/change-service';

export interface TroubleshootServiceOptions {
  readonly syncServer: Pick<AdSyncClient, 'getObjectSyncPath' | 'getObjectRunStepErrors' | 'getPasswordSyncState' | 'getConnectors' | 'getGlobalSettings' | 'isSingleObjectSyncAvailable' | 'syncSingleObject'>;
  /** The change tasks' guard: one change per server at a time, scheduled cycles off meanwhile, restored after a crash. */
  readonly changeGuard: Pick<ChangeService, 'withSyncCyclesOff'>;
}

/** Troubleshoot: reads one object's path and explains it; reads password hash sync per AD connector. Changes nothing. */
export class TroubleshootService {
  constructor(private readonly options: TroubleshootServiceOptions) {}

  async troubleshoot(identity: string): Promise<TroubleshootResult> {
    const kind = identityKind(identity);
    if (kind === null) throw new AppError('VALIDATION_FAILED', 'Enter a distinguished name (CN=…,OU=…,DC=…) or a user principal name (user@domain).');
    const { syncServer } = this.options;
    const [path, connectors, settings, singleObjectSyncAvailable] = await Promise.all([
      syncServer.getObjectSyncPath(identity, kind),
      syncServer.getConnectors(),
      syncServer.getGlobalSettings(),
      syncServer.isSingleObjectSyncAvailable(),
    ]);
    const groupFiltering = settings.parameters.find((parameter) => parameter.name === 'Microsoft.OptionalFeature.GroupFiltering');
    const scope: ScopeFacts = {
      connectors: connectors
        .filter((connector) => connector.type === 'AD')
        .map((connector) => ({
          name: connector.name ?? '(unnamed connector)',
          partitions: connector.partitions.flatMap((partition) =>
            partition.dn === null ? [] : [{ dn: partition.dn, selected: partition.selected, containerInclusions: partition.containerInclusions, containerExclusions: partition.containerExclusions }],
          ),
        })),
      // The group itself is kept in the connector's configuration, which no cmdlet reads: the page says "the filtering group".
      filteringGroup: (groupFiltering?.value ?? '').trim().toLowerCase() === 'true' ? 'the group chosen for group filtering' : null,
    };
    // An export error may be recorded only in the newest export run's step XML (real-server-tasks.md §5.4).
    const aad = path.aadObject;
    const runStep = aad
      ? await syncServer.getObjectRunStepErrors({ connectorName: aad.connectorName, objectId: aad.objectId, distinguishedName: aad.distinguishedName })
      : null;
    return { identity, kind, path, explanation: explainObjectSync(path, scope, identity, runStep), singleObjectSyncAvailable };
  }

  /** Sync this object now: changes the server, so only on the administrator's request and under the change tasks' guard. */
  syncNow(distinguishedName: string): Promise<SingleObjectSyncResult> {
    return this.options.changeGuard.withSyncCyclesOff(`sync-now-${randomUUID()}`, () => this.options.syncServer.syncSingleObject(distinguishedName));
  }

  getPasswordSyncDiagnostics(): Promise<PasswordSyncState> {
    return this.options.syncServer.getPasswordSyncState();
  }
}
