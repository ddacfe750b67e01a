import { describe, expect, it } from 'vitest';
import { PageTokens } from '../../../electron/services/licenses/page-tokens';

describe('PageTokens', () => {
  it('gives a new random token per link and finds the link again, more than once (a retry)', () => {
    const tokens = new PageTokens();
    const first = tokens.remember('https://graph.microsoft.com/v1.0/users?$skiptoken=a');
    const second = tokens.remember('https://graph.microsoft.com/v1.0/users?$skiptoken=a');
    expect(first).not.toBe(second);
    expect(first).not.toContain('graph');
    expect(tokens.recall(first)).toBe('https://graph.microsoft.com/v1.0/users?$skiptoken=a');
    expect(tokens.recall(first)).toBe('https://graph.microsoft.com/v1.0/users?$skiptoken=a');
    expect(tokens.recall('not-given')).toBeUndefined();
  });

  it('forgets the oldest links past its capacity', () => {
    const tokens = new PageTokens(2);
    const [a, b, c] = ['a', 'b', 'c'].map((link) => tokens.remember(link));
    expect(tokens.recall(a ?? '')).toBeUndefined();
    expect(tokens.recall(b ?? '')).toBe('b');
    expect(tokens.recall(c ?? '')).toBe('c');
  });
});
