import { describe, expect, it, vi } from 'vitest';
import { eventChannelNames, requestChannelNames } from '../../../shared/contract';

const exposed = new Map<string, Record<string, unknown>>();
const invoke = vi.fn(async () => ({ ok: true, value: {} }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, api: Record<string, unknown>) => exposed.set(name, api) },
  ipcRenderer: { invoke, on: vi.fn(), off: vi.fn() },
}));

describe('the preload', () => {
  it('exposes exactly one function per request channel, plus on, as window.connect', async () => {
    await import('../../../electron/preload/index');
    const api = exposed.get('connect');
    expect(api).toBeDefined();
    expect(Object.keys(api ?? {}).sort()).toEqual([...requestChannelNames, 'on'].sort());
    expect(exposed.size).toBe(1);
  });

  it('forwards a call to its own channel only', async () => {
    const api = exposed.get('connect') as Record<string, (request: unknown) => Promise<unknown>>;
    await api['app:get-info']?.({});
    expect(invoke).toHaveBeenCalledWith('app:get-info', {});
  });

  it('refuses to subscribe to an event that is not in the contract', () => {
    const api = exposed.get('connect') as { on: (event: string, listener: () => void) => () => void };
    expect(() => api.on('not-a-channel', () => {})).toThrow(/Unknown event channel/);
    expect(eventChannelNames).not.toContain('not-a-channel');
  });
});
