import type { configurationChannels } from '../../../shared/contract/configuration';
import type { ConfigurationService } from '../../services/configuration/configuration-service';
import type { AreaHandlers } from '../register';

export function createConfigurationHandlers(configuration: ConfigurationService): AreaHandlers<typeof configurationChannels> {
  return {
    'configuration:get-view': ({ withExport }) => configuration.getView({ withExport: withExport ?? true }),
    'configuration:export-settings': (_request, context) =>
      configuration.exportSettings((stage) => context.emit('configuration:export-progress', { stage })),
    'configuration:pick-compare-source': ({ kind }) => configuration.pickCompareSource(kind),
    'configuration:compare': ({ before, after }) => configuration.compare(before, after),
    'configuration:save-comparison': ({ comparisonId, format }) => configuration.saveComparison(comparisonId, format),
  };
}
