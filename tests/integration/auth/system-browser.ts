import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';

/**
 * Debian's Chromium playing the administrator's system browser: the auth service's openBrowser
 * port opens the authorize URL here, and the test signs in on the lab page like a person would.
 */
export class SystemBrowser {
  private browser: Browser | undefined;
  private context: BrowserContext | undefined;
  private readonly opened: Page[] = [];
  private readonly waiting: ((page: Page) => void)[] = [];

  async start(): Promise<void> {
    this.browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    await this.newSession();
  }

  /** A fresh browser profile (no lab cookies from an earlier sign-in). */
  async newSession(): Promise<void> {
    await this.context?.close();
    if (!this.browser) throw new Error('SystemBrowser not started');
    // The browser does not trust the lab CA (only the app's own clients do), as a person would click through.
    this.context = await this.browser.newContext({ ignoreHTTPSErrors: true });
  }

  /** The auth service's openBrowser port. */
  readonly openBrowser = async (url: string): Promise<void> => {
    if (!this.context) throw new Error('SystemBrowser not started');
    const page = await this.context.newPage();
    await page.goto(url);
    const waiter = this.waiting.shift();
    if (waiter) waiter(page);
    else this.opened.push(page);
  };

  /** The next page the app opened (resolves once openBrowser ran). */
  nextPage(): Promise<Page> {
    const page = this.opened.shift();
    if (page) return Promise.resolve(page);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Opens a URL the page showed the administrator (the device-code verification page). */
  async visit(url: string): Promise<Page> {
    if (!this.context) throw new Error('SystemBrowser not started');
    const page = await this.context.newPage();
    await page.goto(url);
    return page;
  }

  async close(): Promise<void> {
    await this.browser?.close();
  }
}

/** Fills the lab's sign-in page as an administrator would. */
export async function enterCredentials(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
