import { describe, expect, it, vi } from 'vitest';
import { requestChannelNames } from '../../../shared/contract';
import { AppError } from '../../../shared/core/errors';
import { type Result } from '../../../shared/core/result';
import type { RequestHandlers } from '../../../electron/ipc/register';
import type { HandlerContext, IpcHost, RawHandler } from '../../../electron/ipc/host';
import { registerHandlers } from '../../../electron/ipc/register';
import type { Logger } from '../../../electron/main/logger';

const silentLogger: Logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn(), file: '/var/log/wizard/wizard.log' };
const context: HandlerContext = { emit: vi.fn() };

function registered(handlers: RequestHandlers): Map<string, RawHandler> {
  const bound = new Map<string, RawHandler>();
  const host: IpcHost = { handle: (channel, handler) => void bound.set(channel, handler) };
  registerHandlers(host, handlers, silentLogger);
  return bound;
}

function fakeHandlers(overrides: Partial<RequestHandlers> = {}): RequestHandlers {
  const untouched = Object.fromEntries(requestChannelNames.map((channel) => [channel, async () => ({})]));
  return {
    ...(untouched as unknown as RequestHandlers),
    'app:get-info': async () => ({ productName: 'p', version: '1', target: 'lab', branding: 'azureAd', platform: 'linux', logFolder: '/var/log/wizard' }),
    'app:open-external': async () => ({ opened: true }),
    'app:exit': async () => ({ closing: true }),
    ...overrides,
  };
}

describe('registerHandlers', () => {
  it('binds every channel of the contract', () => {
    expect([...registered(fakeHandlers()).keys()].sort()).toEqual([...requestChannelNames].sort());
  });

  it('refuses an invalid request with VALIDATION_FAILED naming the field, without calling the handler', async () => {
    const openExternal = vi.fn(async () => ({ opened: true }));
    const handler = registered(fakeHandlers({ 'app:open-external': openExternal })).get('app:open-external');
    const result = (await handler?.({ url: 'not a url' }, context)) as Result<unknown>;
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(!result.ok && result.error.message).toMatch(/^url: /);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('refuses unexpected fields', async () => {
    const result = (await registered(fakeHandlers()).get('app:exit')?.({ force: true }, context)) as Result<unknown>;
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('returns a thrown AppError as data with its code and message; the detail goes to the log only', async () => {
    const failing = fakeHandlers({
      'app:exit': async () => {
        throw new AppError('TIMEOUT', 'It took too long.', 'after 60 s');
      },
    });
    const result = await registered(failing).get('app:exit')?.({}, context);
    expect(result).toEqual({ ok: false, error: { code: 'TIMEOUT', message: 'It took too long.' } });
    expect(silentLogger.warn).toHaveBeenCalledWith('[ipc] app:exit failed', expect.objectContaining({ detail: 'after 60 s' }));
  });

  it('hides unexpected errors behind INTERNAL and logs them', async () => {
    const failing = fakeHandlers({
      'app:exit': async () => {
        throw new Error('secret stack');
      },
    });
    const result = (await registered(failing).get('app:exit')?.({}, context)) as Result<unknown>;
    expect(result).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'An unexpected error occurred. The details are in the log: /var/log/wizard/wizard.log' },
    });
    expect(JSON.stringify(result)).not.toContain('secret stack');
    expect(silentLogger.error).toHaveBeenCalled();
  });

  it('passes the parsed request to the handler and wraps its answer', async () => {
    const result = await registered(fakeHandlers()).get('app:open-external')?.({ url: 'https://learn.microsoft.com/x' }, context);
    expect(result).toEqual({ ok: true, value: { opened: true } });
  });
});
