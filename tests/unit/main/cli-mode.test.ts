import { describe, expect, it } from 'vitest';
import { cliArguments } from '../../../electron/main/cli-mode';

describe('the packaged app as a command line', () => {
  it('takes the arguments after --cli', () => {
    expect(cliArguments(['app.exe', '--cli', 'diff', 'a', 'b', '--format', 'json'])).toEqual(['diff', 'a', 'b', '--format', 'json']);
  });

  it('starts the wizard when --cli is absent', () => {
    expect(cliArguments(['app.exe'])).toBeUndefined();
  });
});
