import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PowerShellSession } from '../../../electron/clients/powershell';
import { AdSyncClient } from '../../../electron/clients/sync-server';
import { freshLabTarget } from './lab-target';

/*
 * Values cross the bridge as data: whatever a user types arrives in PowerShell unchanged and never runs.
 * Every value that would create the canary file if it were ever evaluated as script is included.
 */
describe('hostile values through the bridge', () => {
  let session: PowerShellSession;
  let client: AdSyncClient;
  let scratch: string;
  let canary: string;
  const folders: string[] = [];

  beforeAll(async () => {
    const { target, labFolder } = await freshLabTarget();
    scratch = await mkdtemp(join(tmpdir(), 'cw-canary-'));
    canary = join(scratch, 'canary.txt');
    folders.push(labFolder, scratch);
    session = new PowerShellSession(target);
    client = new AdSyncClient(session);
  });

  afterAll(async () => {
    await session.dispose();
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  });

  const hostileValues = (): Record<string, string> => ({
    singleQuote: `O'Brien '' ''' end`,
    doubleQuote: `say "hi" "" end`,
    unicodeQuotes: '\u2018single\u2019 \u201Alow\u201B \u201Cdouble\u201D \u201Elow\u201F \u2039angle\u203A',
    subexpression: `$(New-Item -ItemType File -Path '${canary}')`,
    subexpressionInDoubleQuotes: `"$(New-Item -ItemType File -Path '${canary}')"`,
    breakOutOfSingleQuotes: `'; New-Item -ItemType File -Path '${canary}'; '`,
    breakOutWithUnicodeQuote: `\u2019; New-Item -ItemType File -Path '${canary}'; \u2018`,
    backticks: '`$(New-Item) `n `0 `` tail`',
    separators: `a; b | c & d && e || f > g < h`,
    newlines: `line one\nline two\r\nline three\rend`,
    variables: '$env:PATH ${function:Get-Item} $PSHOME @args $null',
    comments: '# not a comment <# nor this #> @" here "@ @\' here \'@',
    emoji: 'admin \u{1F600}\u{1F469}\u200D\u{1F4BB} \u{1F1FA}\u{1F1F8}',
    rightToLeft: '\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627 \u202Eevil\u202C',
    dateLooking: '2024-01-01T00:00:00Z',
    numberLooking: '00123',
    nul: 'nul\u0000inside \u0000',
    long: 'x'.repeat(99_990) + '$(calc)',
  });

  it('adds each hostile name as an ADSyncAdmins member and reads it back exactly', async () => {
    for (const [label, value] of Object.entries(hostileValues())) {
      const name = `CONTOSO\\${value}`;
      const members = await client.addGroupMember('ADSyncAdmins', name);
      expect(members.map((member) => member.name), label).toContain(name);
      const reread = await client.getGroupMembers('ADSyncAdmins');
      expect(reread.filter((member) => member.name === name), label).toHaveLength(1);
      const after = await client.removeGroupMember('ADSyncAdmins', name);
      expect(after.map((member) => member.name), label).not.toContain(name);
    }
    expect(existsSync(canary)).toBe(false);
  }, 600_000);

  it('carries every hostile value, backslashes and control characters unchanged through an echo operation', async () => {
    // The lab refuses names with a second backslash (as Windows does), so these are proved through Echo.
    const values = [...Object.values(hostileValues()), '\u0000', 'back\\slash\\\\', 'tab\tbell\u0007esc\u001b[31m'];
    for (const value of values) {
      expect(await session.run('Echo', { value })).toEqual({ value });
    }
    expect(existsSync(canary)).toBe(false);
  });

  it('keeps nested structures and non-string values exact', async () => {
    const value = { list: ['a', "b'", { deep: ['$(x)'] }], one: ['only'], empty: [], number: 12.5, flag: false, nothing: null };
    expect(await session.run('Echo', { value })).toEqual({ value });
  });
});
