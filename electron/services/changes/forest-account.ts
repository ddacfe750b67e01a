import type { ForestAccountAnswer } from '../../../shared/changes/directories';

/** The native wizard's message for an Enterprise or Domain Admin given as the forest account (≥ 1.4.18.0). */
export const adminAccountNotAllowed =
  'Using an Enterprise or Domain administrator account for your AD forest account is not allowed. Let Microsoft Entra Connect create the account for you or specify a synchronization account with the correct permissions.';

const accountPattern = /^([^\\/@\s]+)\\([^\\/@\s]+)$/;

/**
 * Which accounts count as Enterprise or Domain Admins. The app cannot read group memberships through the
 * bridge, so it recognises the built-in Administrator of any domain (RID 500, a member of both groups in
 * every forest, and the only member of Domain Admins in the lab's contoso.com).
 */
export function isEnterpriseOrDomainAdmin(samAccountName: string): boolean {
  return samAccountName.toLowerCase() === 'administrator';
}

export interface ForestAccountContext {
  readonly configuredForests: readonly string[];
  readonly lab: boolean;
}

export interface ForestAccountInput {
  readonly forest: string;
  readonly option: 'create' | 'existing';
  readonly username: string;
  readonly password: string;
}

const answer = (field: ForestAccountAnswer['field'], message: string): ForestAccountAnswer => ({ accepted: false, field, message });

/**
 * Validates the AD forest account dialog. The password is only checked for presence: it stays in main,
 * is never logged and never sent back. Adding a forest is refused at the end (see the messages): the lab
 * has one forest, and the bridge cannot create AD connectors.
 */
export function validateForestAccount(input: ForestAccountInput, context: ForestAccountContext): ForestAccountAnswer {
  const forest = input.forest.trim().toLowerCase();
  if (context.configuredForests.some((name) => name.toLowerCase() === forest)) {
    return answer('forest', `The directory ${input.forest.trim()} is already configured.`);
  }
  const match = accountPattern.exec(input.username.trim());
  if (!match) return answer('username', 'Enter the user name as DOMAIN\\username or domain.com\\username.');
  if (input.password === '') return answer('password', 'Enter the password.');
  const samAccountName = match[2] ?? '';
  const admin = isEnterpriseOrDomainAdmin(samAccountName);
  if (input.option === 'existing' && admin) return answer('username', adminAccountNotAllowed);
  if (input.option === 'create' && !admin) {
    return answer('username', `To let the wizard create the AD forest account, enter the credentials of an Enterprise Administrator of ${input.forest.trim()}.`);
  }
  if (context.lab) {
    return answer('forest', `The lab has one forest, ${context.configuredForests[0] ?? 'contoso.com'}. Adding another forest is not available in the lab.`);
  }
  return answer('forest', 'Adding a forest is not available in this app yet. Use the Microsoft Entra Connect wizard on this server to add it.');
}
