import { describe, expect, it } from 'vitest';
import { parentDistinguishedName } from '../../../shared/sync-server';

describe('parentDistinguishedName', () => {
  it('finds the parent of an OU, skipping escaped commas', () => {
    expect(parentDistinguishedName('OU=Sales,OU=Europe,DC=contoso,DC=com')).toBe('OU=Europe,DC=contoso,DC=com');
    expect(parentDistinguishedName('OU=Smith\\, John,DC=contoso,DC=com')).toBe('DC=contoso,DC=com');
    expect(parentDistinguishedName('OU=Back\\\\,DC=contoso,DC=com')).toBe('DC=contoso,DC=com');
  });

  it('has no parent for a single component', () => {
    expect(parentDistinguishedName('DC=com')).toBeNull();
    expect(parentDistinguishedName('OU=Trailing\\,')).toBeNull();
  });
});
