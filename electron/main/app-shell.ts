/** What the app does outside the page: the system browser, the log folder and closing the wizard. */
export interface AppShell {
  /** An https link the renderer asked for; callers check it against the allowlist first. */
  openExternal(url: string): Promise<void>;
  /** The sign-in page of the identity provider, opened by main itself for MSAL; checked against the cloud's hosts first. */
  openSignInPage(url: string): Promise<void>;
  /** Opens the log folder in the file manager (the path never comes from the page). */
  openLogFolder(): Promise<boolean>;
  exit(): Promise<boolean>;
}
