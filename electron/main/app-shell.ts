/** What the app shell does outside the page: open links in the system browser, close the wizard. */
export interface AppShell {
  openExternal(url: string): Promise<void>;
  exit(): Promise<boolean>;
}
