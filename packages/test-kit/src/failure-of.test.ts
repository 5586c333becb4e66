import { describe, expect, it } from 'vitest';
import { failureOf, thrownBy } from './index.js';

describe('failureOf', () => {
  it('gives what a call rejects or throws with', async () => {
    expect(await failureOf(() => Promise.reject(new RangeError('late')))).toEqual(new RangeError('late'));
    expect(
      await failureOf(() => {
        throw new TypeError('at once');
      }),
    ).toEqual(new TypeError('at once'));
  });

  it('fails when the call succeeds', async () => {
    await expect(failureOf(async () => 'fine')).rejects.toThrow('Expected a failure, but the call succeeded.');
  });
});

describe('thrownBy', () => {
  it('gives what a call throws, and throws when it returns', () => {
    expect(thrownBy(() => JSON.parse('{'))).toBeInstanceOf(SyntaxError);
    expect(() => thrownBy(() => 1)).toThrow('Expected a throw, but the call returned.');
  });
});
