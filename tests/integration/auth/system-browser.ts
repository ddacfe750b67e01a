import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../../harness/chromium';

/**
 * Debian's Chromium playing the administrator's system browser: the auth service's openBrowser
 * port opens the authorize URL here, and the test signs in on the lab page like a person would.
 */
export class SystemBrowser {
  private browser: Browser | undefined;
  private context: BrowserContext | undefined;
  /** Pages the app opened, or why the browser could not open one (a certificate error, say). */
  private readonly opened: (Page | Error)[] = [];
  private readonly waiting: { resolve: (page: Page) => void; reject: (error: Error) => void }[] = [];
  /** Each URL the app opened and the HTTP status the browser got for it. */
  readonly navigations: { url: string; status: number | undefined }[] = [];

  async start(): Promise<void> {
    this.browser = await chromium.launch(chromiumLaunchOptions);
    await this.newSession();
  }

  /** A fresh browser profile (no lab cookies from an earlier sign-in). */
  async newSession(): Promise<void> {
    await this.context?.close();
    if (!this.browser) throw new Error('SystemBrowser not started');
    // An ordinary browser: it trusts no lab CA, so the lab's pages must open without one.
    this.context = await this.browser.newContext();
  }

  /** The auth service's openBrowser port. */
  readonly openBrowser = async (url: string): Promise<void> => {
    if (!this.context) throw new Error('SystemBrowser not started');
    const page = await this.context.newPage();
    let outcome: Page | Error = page;
    try {
      const response = await page.goto(url);
      this.navigations.push({ url, status: response?.status() });
    } catch (error) {
      outcome = error instanceof Error ? error : new Error(String(error));
    }
    const waiter = this.waiting.shift();
    if (waiter) {
      if (outcome instanceof Error) waiter.reject(outcome);
      else waiter.resolve(outcome);
    } else this.opened.push(outcome);
    if (outcome instanceof Error) throw outcome;
  };

  /** The next page the app opened (resolves once openBrowser ran; rejects when the browser could not open it). */
  nextPage(): Promise<Page> {
    const next = this.opened.shift();
    if (next instanceof Error) return Promise.reject(next);
    if (next) return Promise.resolve(next);
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
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
