/**
 * The sign-in check of the ChangeService, passed: the sync server tests are about the server. The check
 * itself runs on the lab tenant with real MSAL in sign-in-enforced.test.ts.
 */
export const signedInAdministrator = { requireAdministrator: async (): Promise<void> => undefined };
