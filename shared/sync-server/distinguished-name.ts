/**
 * The parent of a distinguished name ("OU=A,DC=x" → "DC=x"); null for a top-level name. Escaped commas
 * ("OU=Smith\, John,DC=x") are part of the name, not separators.
 */
export function parentDistinguishedName(dn: string): string | null {
  for (let index = 0; index < dn.length; index += 1) {
    const character = dn[index];
    if (character === '\\') {
      index += 1;
      continue;
    }
    if (character === ',') {
      const parent = dn.slice(index + 1).trim();
      return parent === '' ? null : parent;
    }
  }
  return null;
}
