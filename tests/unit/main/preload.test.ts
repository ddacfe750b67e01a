import { describe, expect, it, vi } from 'vitest';
import { eventChannelNames, requestChannelNames } from '../../../shared/contract';
import { eventChannelNameList, requestChannelNameList } from '../../../shared/contract/channel-names';

const exposed = new Map<string, Record<string, unknown>>();
const invoke = vi.fn(async () => ({ ok: true, value: {} }));
const ipcOn = vi.fn();
const ipcOff = vi.fn();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, api: Record<string, unknown>) => exposed.set(name, api) },
  ipcRenderer: { invoke, on: ipcOn, off: ipcOff },
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

  it('knows every channel of the contract by name, and no other (a channel added to the contract must be listed)', () => {
    expect([...requestChannelNameList].sort()).toEqual([...requestChannelNames].sort());
    expect([...eventChannelNameList].sort()).toEqual([...eventChannelNames].sort());
  });

  it('forwards an event of the contract to the listener and stops when unsubscribed', () => {
    const api = exposed.get('connect') as { on: (event: string, listener: (payload: unknown) => void) => () => void };
    const listener = vi.fn();
    const off = api.on('auth:status', listener);
    expect(ipcOn).toHaveBeenCalledWith('auth:status', expect.any(Function));
    const forward = ipcOn.mock.calls.at(-1)?.[1] as (event: unknown, payload: unknown) => void;
    forward({}, { signedIn: false });
    expect(listener).toHaveBeenCalledWith({ signedIn: false });
    off();
    expect(ipcOff).toHaveBeenCalledWith('auth:status', forward);
  });

  it('refuses to subscribe to an event that is not in the contract', () => {
    const api = exposed.get('connect') as { on: (event: string, listener: () => void) => () => void };
    expect(() => api.on('not-a-channel', () => {})).toThrow(/Unknown event channel/);
    expect(eventChannelNames).not.toContain('not-a-channel');
  });
});
