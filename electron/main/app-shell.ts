/** What the app does outside the page: the system browser and closing the wizard. */
export interface AppShell {
  /** An https link the renderer asked for; callers check it against the allowlist first. */
  openExternal(url: string): Promise<void>;
  /** The sign-in page of the identity provider, opened by main itself for MSAL. */
  openSignInPage(url: string): Promise<void>;
  exit(): Promise<boolean>;
}
