import { z } from 'zod';

export const maxAccountNameLength = 256;

/**
 * What the administrator typed as an account name. It is only ever a name: quotes, `$()` and any script are
 * kept as they are and cross to PowerShell as data, so only emptiness and length are refused.
 */
export function checkAccountName(text: string): { ok: true; name: string } | { ok: false; message: string } {
  const name = text.trim();
  if (name.length === 0) return { ok: false, message: 'Enter an account name, for example CONTOSO\\jdoe, jdoe@contoso.com or a local account name.' };
  if (name.length > maxAccountNameLength) {
    return { ok: false, message: `An account name has at most ${maxAccountNameLength} characters; this one has ${name.length}.` };
  }
  return { ok: true, name };
}

export const accountNameSchema = z.string().transform((text, context) => {
  const checked = checkAccountName(text);
  if (!checked.ok) {
    context.addIssue({ code: 'custom', message: checked.message });
    return z.NEVER;
  }
  return checked.name;
});
