import type { RequestHandlers } from '../ipc/handlers';
import { AppError } from '../../shared/contract';
import type { AppShell } from './app-shell';
import type { TargetConfig } from './target';
import { isAllowedExternalUrl } from './security-policy';
import { productStrings } from '../../shared/branding';

export interface CompositionOptions {
  readonly target: TargetConfig;
  readonly shell: AppShell;
  readonly version: string;
  readonly platform: string;
}

/** The composed app: its request handlers and how to release what it holds. */
export interface ComposedApp {
  readonly handlers: RequestHandlers;
  dispose(): Promise<void>;
}

/**
 * The only place that wires services together. Electron's main and the browser harness both call it,
 * so everything behind the IPC host is the same code in the app and in the tests.
 */
export async function composeApp(options: CompositionOptions): Promise<ComposedApp> {
  const { target, shell } = options;
  const handlers: RequestHandlers = {
    'app:get-info': async () => ({
      productName: productStrings[target.branding].productName,
      version: options.version,
      target: target.kind,
      branding: target.branding,
      platform: options.platform,
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
  return { handlers, dispose: async () => {} };
}
