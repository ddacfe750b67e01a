import { describe, expect, it } from 'vitest';
import { bootstrapCommand, ENVELOPE_END, ENVELOPE_START, operationCommand, readEnvelope } from '../../../electron/clients/powershell/wire';

const frame = (value: unknown): string => `${ENVELOPE_START}${Buffer.from(JSON.stringify(value), 'utf8').toString('base64')}${ENVELOPE_END}`;

describe('operationCommand', () => {
  it('carries any value only inside one base64 literal', () => {
    const hostile = `'; Remove-Item C:\\ -Recurse; '$(calc)\`"‘’“”\n\u0000`;
    const command = operationCommand('AddGroupMember', { member: hostile });
    expect(command).toMatch(/^Invoke-CwOperation 'AddGroupMember' '[A-Za-z0-9+/]*={0,2}'$/);
    const literal = /'([A-Za-z0-9+/=]*)'$/.exec(command)?.[1] ?? '';
    expect(JSON.parse(Buffer.from(literal, 'base64').toString('utf8'))).toEqual({ member: hostile });
  });

  it('refuses an operation name that is not a plain word', () => {
    expect(() => operationCommand("Echo'; calc; '", {})).toThrow(/Invalid operation name/);
  });

  it('keeps module paths out of the script text', () => {
    const command = bootstrapCommand({ operationsModule: "C:\\it's $(bad)\\Ops.psd1", adSyncModule: 'ADSync', activeDirectoryModule: 'ActiveDirectory' });
    expect(command).not.toContain('$(bad)');
    expect(command).not.toContain("it's");
  });
});

describe('readEnvelope', () => {
  it('finds the envelope among warnings, host output and ANSI sequences', () => {
    const stdout = `\u001b[?1h\u001b[?1lWARNING: interval changes after next cycle\n${frame({ ok: true, value: { a: 'ü€😀' } })}\nmore text`;
    expect(readEnvelope(stdout)).toEqual({ kind: 'envelope', envelope: { ok: true, value: { a: 'ü€😀' } } });
  });

  it('reads an error envelope', () => {
    const reading = readEnvelope(frame({ ok: false, error: { message: 'boom', errorId: 'X', category: 'NotSpecified', type: 'System.Exception', target: null } }));
    expect(reading.kind === 'envelope' && !reading.envelope.ok && reading.envelope.error.message).toBe('boom');
  });

  it('reports a missing or broken envelope', () => {
    expect(readEnvelope('just text').kind).toBe('missing');
    expect(readEnvelope(`${ENVELOPE_START}not base64!${ENVELOPE_END}`).kind).toBe('malformed');
    expect(readEnvelope(`${ENVELOPE_START}${Buffer.from('{oops').toString('base64')}${ENVELOPE_END}`).kind).toBe('malformed');
    expect(readEnvelope(frame({ value: 1 })).kind).toBe('malformed');
  });
});
