import { productStrings } from '../../../shared/core/branding';
import { AppError } from '../../../shared/core/errors';
import type { appChannels } from '../../../shared/contract/app';
import { isAllowedExternalUrl } from '../../main/security-policy';
import type { Services } from '../../main/services';
import type { AreaHandlers } from '../handlers';

export function createAppHandlers(services: Services): AreaHandlers<typeof appChannels> {
  const { target, shell } = services;
  return {
    'app:get-info': async () => ({
      productName: productStrings[target.branding].productName,
      version: services.version,
      target: target.kind,
      branding: target.branding,
      platform: target.platform,
    }),
    'app:open-external': async ({ url }) => {
      if (!isAllowedExternalUrl(url)) {
        throw new AppError('NOT_ALLOWED_URL', `The app only opens https links to Microsoft documentation and portals, not ${url}.`);
      }
      await shell.openExternal(url);
      return { opened: true };
    },
    'app:exit': async () => ({ closing: await shell.exit() }),
  };
}
