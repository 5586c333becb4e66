import { describe, expect, it } from 'vitest';
import { deferred, promiseState } from './index.js';

describe('promiseState', () => {
  it('follows a promise from pending to resolved, or to rejected without leaving the rejection unhandled', async () => {
    const value = deferred<number>();
    const resolved = promiseState(value.promise);
    expect(resolved).toEqual({ state: 'pending' });
    value.resolve(3);
    await value.promise;
    expect(resolved).toEqual({ state: 'resolved', value: 3 });
    const failing = deferred<number>();
    const rejected = promiseState(failing.promise);
    failing.reject(new Error('no'));
    await failing.promise.catch(() => undefined);
    expect(rejected).toEqual({ state: 'rejected', reason: new Error('no') });
  });
});
