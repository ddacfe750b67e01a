import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { decideOnClose, guardWindowClose } from '../../../electron/main/close-guard';

class FakeWindow extends EventEmitter {
  closed = false;
  close(): void {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.closed = true;
  }
  isDestroyed(): boolean {
    return this.closed;
  }
}

function runningPlan() {
  let finish: () => void = () => {};
  let applying = true;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    plans: { isApplying: () => applying, whenIdle: () => done },
    finish: () => {
      applying = false;
      finish();
    },
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the window close guard', () => {
  it('decides: close freely without a plan, ask during one, and ignore repeats while waiting', () => {
    expect(decideOnClose({ planRunning: false, waitingForPlan: false })).toBe('allow');
    expect(decideOnClose({ planRunning: true, waitingForPlan: false })).toBe('ask');
    expect(decideOnClose({ planRunning: true, waitingForPlan: true })).toBe('keep-waiting');
  });

  it('closes at once when no plan runs, without asking', () => {
    const window = new FakeWindow();
    let asked = 0;
    guardWindowClose(window, { isApplying: () => false, whenIdle: async () => {} }, async () => (asked++, true));
    window.close();
    expect({ closed: window.closed, asked }).toEqual({ closed: true, asked: 0 });
  });

  it('asks during a plan and, once confirmed, closes only after the plan restored the scheduler', async () => {
    const window = new FakeWindow();
    const plan = runningPlan();
    let asked = 0;
    guardWindowClose(window, plan.plans, async () => (asked++, true));
    window.close();
    await tick();
    expect({ closed: window.closed, asked }).toEqual({ closed: false, asked: 1 });
    window.close();
    await tick();
    expect({ closed: window.closed, asked }).toEqual({ closed: false, asked: 1 });
    plan.finish();
    await tick();
    expect(window.closed).toBe(true);
  });

  it('keeps the window open when the administrator declines', async () => {
    const window = new FakeWindow();
    const plan = runningPlan();
    guardWindowClose(window, plan.plans, async () => false);
    window.close();
    plan.finish();
    await tick();
    expect(window.closed).toBe(false);
  });
});
