import type { DirectoryRole } from '../../../shared/auth/account';

/** What the role check reads about the signed-in user; the Graph client implements it. */
export interface DirectoryReader {
  me(): Promise<{ displayName: string | null; userPrincipalName: string }>;
  myDirectoryRoles(): Promise<DirectoryRole[]>;
  organization(): Promise<{ displayName: string | null; defaultDomain?: string } | undefined>;
}
