import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileLogger } from '../../../electron/main/log/file-logger';
import { redact } from '../../../electron/main/log/redact';
import { AppError } from '../../../shared/core/errors';

const jwt =
  'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIsImtpZCI6ImxhYi1rZXktMSJ9.eyJhdWQiOiJodHRwczovL2dyYXBoLm1pY3Jvc29mdC5jb20iLCJ0aWQiOiJsYWIifQ.c2lnbmF0dXJlLW9mLXRoZS1sYWItdG9rZW4';

describe('redact', () => {
  it('removes bearer tokens and JWTs wherever they are', () => {
    expect(redact(`GET /v1.0/me Authorization: Bearer ${jwt}`)).toBe('GET /v1.0/me Authorization: Bearer [redacted]');
    expect(redact(`{"access_token":"${jwt}","token_type":"Bearer"}`)).not.toContain('eyJ0eXAi');
    expect(redact(`id token ${jwt} expired`)).toBe('id token [redacted token] expired');
  });

  it('removes passwords and client secrets in JSON, forms, headers and ADSync XML', () => {
    expect(redact('{"username":"hybridadmin@contoso.onmicrosoft.com","password":"S3cret!pass"}')).toBe(
      '{"username":"hybridadmin@contoso.onmicrosoft.com","password":"[redacted]"}',
    );
    expect(redact('{\\"Password\\":\\"S3cret!pass\\"}')).not.toContain('S3cret');
    expect(redact('grant_type=password&username=a%40b&password=S3cret%21pass&client_secret=abc~def')).toBe(
      'grant_type=password&username=a%40b&password=[redacted]&client_secret=[redacted]',
    );
    expect(redact('ClientSecret: abc~def, Tenant: contoso')).toBe('ClientSecret: [redacted], Tenant: contoso');
    expect(redact('<parameter name="password" type="encrypted-string" encrypted="1">hunter22</parameter>')).toBe(
      '<parameter name="password" type="encrypted-string" encrypted="1">[redacted]</parameter>',
    );
  });

  it('removes partition cookies and other long base64 blobs, but keeps GUIDs, paths and messages', () => {
    const cookie = Buffer.from('DirSync cookie '.repeat(8)).toString('base64');
    expect(redact(`{"dn":"DC=contoso,DC=com","cookie":"${cookie}"}`)).toBe('{"dn":"DC=contoso,DC=com","cookie":"[redacted]"}');
    expect(redact(`stray output ${cookie} end`)).toBe('stray output [redacted blob] end');
    const keep = '[changes] plan 5d0f6a52-8f0e-4c39-9a57-2b9f3c41d7e2 applied; C:\\ProgramData\\Azure AD Connect Wizard\\logs\\wizard.log';
    expect(redact(keep)).toBe(keep);
  });

  it('removes a secret the caller names, such as the lab password', () => {
    expect(redact('AADSTS50126: wrong password LabPassw0rd! for user', ['LabPassw0rd!'])).toBe('AADSTS50126: wrong password [redacted] for user');
  });
});

describe('the log file', () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });
  const newFolder = (): string => {
    const folder = mkdtempSync(path.join(tmpdir(), 'cw-log-'));
    folders.push(folder);
    return path.join(folder, 'logs');
  };

  it('writes one redacted line per entry, with the details of errors, in an owner-only file', () => {
    const logger = new FileLogger({ folder: newFolder(), now: () => new Date('2026-01-02T03:04:05.000Z') });
    logger.addSecret('LabPassw0rd!');
    logger.error('[ipc] auth:sign-in failed', new AppError('SIGN_IN_FAILED', 'Sign-in failed.', 'password=LabPassw0rd! rejected'));
    logger.info(`[graph] call with Bearer ${jwt}\nsecond line`);
    const lines = readFileSync(logger.file, 'utf8').trimEnd().split('\n');
    expect(lines).toEqual([
      '2026-01-02T03:04:05.000Z ERROR [ipc] auth:sign-in failed | SIGN_IN_FAILED: Sign-in failed. (password=[redacted] rejected)',
      '2026-01-02T03:04:05.000Z INFO [graph] call with Bearer [redacted] ⏎ second line',
    ]);
    if (process.platform !== 'win32') {
      expect(statSync(logger.file).mode & 0o777).toBe(0o600);
      expect(statSync(path.dirname(logger.file)).mode & 0o777).toBe(0o700);
    }
  });

  it('rotates at its size cap and keeps a fixed number of old files', () => {
    const folder = newFolder();
    const logger = new FileLogger({ folder, maxBytes: 200, keep: 2 });
    for (let index = 0; index < 20; index += 1) logger.info(`[test] entry ${index} ${'x'.repeat(40)}`);
    expect(readdirSync(folder).sort()).toEqual(['wizard.1.log', 'wizard.2.log', 'wizard.log']);
    for (const name of readdirSync(folder)) expect(statSync(path.join(folder, name)).size).toBeLessThanOrEqual(200);
    expect(readFileSync(logger.file, 'utf8')).toContain('entry 19');
    expect(existsSync(path.join(folder, 'wizard.3.log'))).toBe(false);
  });
});
