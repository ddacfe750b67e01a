import type { appChannels } from '../../../shared/contract/app';
import type { AppService } from '../../services/app/app-service';
import type { AreaHandlers } from '../register';

export function createAppHandlers(app: AppService): AreaHandlers<typeof appChannels> {
  return {
    'app:get-info': async () => app.info(),
    'app:open-external': async ({ url }) => {
      await app.openExternal(url);
      return { opened: true };
    },
    'app:open-log-folder': async () => ({ opened: await app.openLogFolder() }),
    'app:exit': async () => ({ closing: await app.exit() }),
  };
}
