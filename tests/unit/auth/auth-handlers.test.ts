import { describe, expect, it } from 'vitest';
import { createAuthHandlers } from '../../../electron/ipc/areas/auth';
import type { HandlerContext } from '../../../electron/ipc/host';
import { EventBus } from '../../../electron/main/event-bus';
import { SignInStatusService, type SignInStatusOptions } from '../../../electron/services/auth/sign-in-status-service';
import { type EventChannel } from '../../../shared/contract';
import { AppError } from '../../../shared/core/errors';
import type { DeviceCodePrompt, SignInStatus } from '../../../shared/auth/account';

const account = {
  displayName: 'Hybrid Admin',
  username: 'hybridadmin@contoso.onmicrosoft.com',
  tenantId: 'tenant',
  tenantDomain: 'contoso.onmicrosoft.com',
  roles: [{ displayName: 'Hybrid Identity Administrator', roleTemplateId: '8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2' }],
};

/** The parts of AuthService the handlers use, driven by the test. */
class FakeAuth {
  status: SignInStatus = { state: 'signedOut', cachePersistence: 'memory' };
  private listener: (status: SignInStatus) => void = () => undefined;
  restored = 0;
  finishSignIn: (outcome: 'ok' | AppError) => void = () => undefined;
  prompt: (prompt: DeviceCodePrompt) => void = () => undefined;

  getStatus = (): SignInStatus => this.status;
  onStatusChanged = (listener: (status: SignInStatus) => void): (() => void) => {
    this.listener = listener;
    return () => undefined;
  };
  set(status: SignInStatus): void {
    this.status = status;
    this.listener(status);
  }
  restoreSession = async (): Promise<SignInStatus> => {
    this.restored += 1;
    return this.status;
  };
  private attempt(): Promise<unknown> {
    this.set({ state: 'signingIn', cachePersistence: 'memory' });
    return new Promise((resolve, reject) => {
      this.finishSignIn = (outcome) => {
        if (outcome === 'ok') {
          this.set({ state: 'signedIn', account, cachePersistence: 'memory' });
          resolve(account);
        } else {
          this.set({ state: 'signedOut', lastError: outcome.toData(), cachePersistence: 'memory' });
          reject(outcome);
        }
      };
    });
  }
  signInInteractive = (): Promise<unknown> => this.attempt();
  signInWithDeviceCode = (onPrompt: (prompt: DeviceCodePrompt) => void): Promise<unknown> => {
    this.prompt = onPrompt;
    return this.attempt();
  };
  cancelSignIn = (): void => this.finishSignIn(new AppError('SIGN_IN_CANCELLED', 'Authentication canceled.'));
  signOut = async (): Promise<void> => this.set({ state: 'signedOut', cachePersistence: 'memory' });
}

function setUp() {
  const auth = new FakeAuth();
  const opened: string[] = [];
  // Events reach the window through the app's event bus, not through a request's context.
  const events: Array<{ channel: EventChannel; payload: unknown }> = [];
  const bus = new EventBus();
  bus.attach((channel, payload) => void events.push({ channel, payload }));
  const signIn = new SignInStatusService({
    auth: auth as unknown as SignInStatusOptions['auth'],
    events: bus,
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    shell: { openSignInPage: async (url: string) => void opened.push(url) },
  });
  const context: HandlerContext = { emit: () => undefined };
  return { auth, opened, events, context, handlers: createAuthHandlers(signIn) };
}

describe('auth handlers', () => {
  it('restores a cached sign-in once, when the page first asks', async () => {
    const { auth, handlers, context } = setUp();
    await handlers['auth:get-status']({}, context);
    await handlers['auth:get-status']({}, context);
    expect(auth.restored).toBe(1);
  });

  it('pushes every status change with a growing revision, and answers the sign-in with its outcome', async () => {
    const { auth, handlers, context, events } = setUp();
    const first = await handlers['auth:get-status']({}, context);
    const signIn = handlers['auth:sign-in']({}, context);
    auth.finishSignIn(new AppError('NO_ADMIN_ROLE', 'Global Administrator role needed.'));
    const answer = await signIn;

    expect(answer).toMatchObject({ state: 'signedOut', lastError: { code: 'NO_ADMIN_ROLE' } });
    const statuses = events.filter((event) => event.channel === 'auth:status').map((event) => event.payload as { state: string; revision: number });
    expect(statuses.map((status) => status.state)).toEqual(['signingIn', 'signedOut']);
    expect(statuses.map((status) => status.revision)).toEqual([first.revision + 1, first.revision + 2]);
    expect(answer.revision).toBe(first.revision + 2);
  });

  it('sends the device-code prompt as an event and in the status while it waits, and opens only its page', async () => {
    const { auth, handlers, context, events, opened } = setUp();
    const signIn = handlers['auth:sign-in-device-code']({}, context);
    const prompt = { userCode: 'ABCD1234', verificationUri: 'https://127.0.0.1:1/devicelogin', message: 'Enter ABCD1234', expiresAt: '2030-01-01T00:00:00.000Z' };
    auth.prompt(prompt);

    expect(events).toContainEqual({ channel: 'auth:device-code', payload: prompt });
    expect((await handlers['auth:get-status']({}, context)).deviceCode).toEqual(prompt);
    await expect(handlers['auth:open-device-code-page']({}, context)).resolves.toEqual({ opened: true });
    expect(opened).toEqual([prompt.verificationUri]);

    auth.finishSignIn('ok');
    const answer = await signIn;
    expect(answer.state).toBe('signedIn');
    expect(answer.deviceCode).toBeUndefined();
    await expect(handlers['auth:open-device-code-page']({}, context)).resolves.toEqual({ opened: false });
  });

  it('cancels a pending sign-in and signs out', async () => {
    const { handlers, context } = setUp();
    const signIn = handlers['auth:sign-in']({}, context);
    await handlers['auth:cancel-sign-in']({}, context);
    expect((await signIn).lastError?.code).toBe('SIGN_IN_CANCELLED');
    expect((await handlers['auth:sign-out']({}, context)).state).toBe('signedOut');
  });

  it('pushes a status change that happens with no request pending (e.g. a sign-in ending in the browser)', async () => {
    const { auth, events } = setUp();
    auth.set({ state: 'signedIn', account, cachePersistence: 'memory' });
    expect(events).toEqual([{ channel: 'auth:status', payload: expect.objectContaining({ state: 'signedIn', revision: 1 }) }]);
  });
});
