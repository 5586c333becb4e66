import { describe, expect, test } from 'vitest';
import { sleep } from './sleep.js';
import { stall } from './stall.js';

describe('sleep', () => {
  test('waits the given time', async () => {
    const started = Date.now();
    await sleep(30, new AbortController().signal);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });

  test('resolves early, without rejecting, when the signal aborts', async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 10);
    await sleep(10_000, controller.signal);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  test('resolves at once on an aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    await sleep(10_000, controller.signal);
  });
});

describe('stall', () => {
  test('without a duration, waits until the signal aborts', async () => {
    const controller = new AbortController();
    let done = false;
    const stalled = stall(undefined, controller.signal).then(() => (done = true));
    await sleep(30, new AbortController().signal);
    expect(done).toBe(false);
    controller.abort();
    await stalled;
    expect(done).toBe(true);
  });

  test('with a duration, behaves like sleep', async () => {
    const started = Date.now();
    await stall(20, new AbortController().signal);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
  });
});
