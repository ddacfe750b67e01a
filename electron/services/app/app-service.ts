import type { AppInfo } from '../../../shared/app/app-info';
import { productStrings } from '../../../shared/core/branding';
import { AppError } from '../../../shared/core/errors';
import type { AppShell } from '../../main/app-shell';
import { isAllowedExternalUrl } from '../../main/security-policy';
import type { TargetConfig } from '../../main/target-config';

export interface AppServiceOptions {
  readonly target: Pick<TargetConfig, 'kind' | 'branding' | 'platform'>;
  readonly version: string;
  readonly shell: AppShell;
  readonly logFolder: string;
  readonly settingsNotice?: string | undefined;
}

/** The app shell itself: what the app is, the links it may open, closing the wizard. */
export class AppService {
  constructor(private readonly options: AppServiceOptions) {}

  info(): AppInfo {
    const { target, version, logFolder, settingsNotice } = this.options;
    return {
      productName: productStrings[target.branding].productName,
      version,
      target: target.kind,
      branding: target.branding,
      platform: target.platform,
      logFolder,
      ...(settingsNotice ? { settingsNotice } : {}),
    };
  }

  /** Opens the log folder in the file manager; main knows the folder, the page only shows it. */
  openLogFolder(): Promise<boolean> {
    return this.options.shell.openLogFolder();
  }

  /** Opens an https link to Microsoft documentation or a portal in the system browser; anything else is refused. */
  async openExternal(url: string): Promise<void> {
    if (!isAllowedExternalUrl(url)) {
      throw new AppError('NOT_ALLOWED_URL', 'The app only opens https links to Microsoft documentation and portals.');
    }
    await this.options.shell.openExternal(url);
  }

  /** Closes the wizard; false where the window cannot close itself (the browser preview). */
  exit(): Promise<boolean> {
    return this.options.shell.exit();
  }
}
