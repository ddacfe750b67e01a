import { productStrings } from '../../../shared/core/branding';
import type { changesChannels } from '../../../shared/contract/changes';
import type { Services } from '../../main/services';
import { ChangeService, validateForestAccount } from '../../services/changes';
import type { AreaHandlers } from '../handlers';

/** The change tasks (Customize synchronization options, Configure staging mode): baseline, plans, apply. */
export function createChangesHandlers(services: Services): AreaHandlers<typeof changesChannels> {
  const changes = new ChangeService({
    client: services.syncServer,
    dataFolder: services.target.dataFolder,
    cloudDirectory: productStrings[services.target.branding].cloudDirectory,
    log: (message) => services.logger.info(message),
  });
  return {
    'changes:get-baseline': () => changes.getBaseline(),
    'changes:get-staging-state': () => changes.getStagingState(),
    'changes:get-organizational-units': (request) => changes.getOrganizationalUnits(request.connectorName, request.partitionDn),
    'changes:validate-forest-account': async (request) => {
      const baseline = await changes.getBaseline();
      return validateForestAccount(request, {
        configuredForests: baseline.directories.map((directory) => directory.forest),
        lab: services.target.kind === 'lab',
      });
    },
    'changes:prepare-plan': (request) => changes.prepare(request.draft),
    'changes:apply-plan': (request, context) =>
      changes.apply(request.planId, (stepId, status, message) => context.emit('changes:plan-progress', { planId: request.planId, stepId, status, message })),
  };
}
