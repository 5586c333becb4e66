import { describe, expect, it } from 'vitest';
import { deferred } from './index.js';

describe('deferred', () => {
  it('settles its promise when the test says so', async () => {
    const value = deferred<number>();
    const order: string[] = [];
    const waiting = value.promise.then((n) => order.push(`got ${n}`));
    order.push('before');
    value.resolve(7);
    await waiting;
    expect(order).toEqual(['before', 'got 7']);
    const failing = deferred<void>();
    failing.reject(new Error('no'));
    await expect(failing.promise).rejects.toThrow('no');
  });
});
