import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '@rivulet/core';
import { resolveApiKey } from './resolve-api-key.js';

const variable = 'RIVULET_TEST_API_KEY';
afterEach(() => {
  delete process.env[variable];
});

describe('resolveApiKey', () => {
  it('takes the option first, then the environment variable (trimmed)', () => {
    process.env[variable] = '  from-env  ';
    expect(resolveApiKey({ apiKey: 'given', environmentVariable: variable, provider: 'acme' })).toBe('given');
    expect(resolveApiKey({ apiKey: undefined, environmentVariable: variable, provider: 'acme' })).toBe('from-env');
  });

  it('is an InputError naming both ways when there is no key, and undefined when null says none is needed', () => {
    process.env[variable] = '   ';
    expect(() => resolveApiKey({ apiKey: undefined, environmentVariable: variable, provider: 'acme' })).toThrow(InputError);
    expect(() => resolveApiKey({ apiKey: '', environmentVariable: variable, provider: 'acme' })).toThrow(/RIVULET_TEST_API_KEY.*apiKey: null/);
    expect(resolveApiKey({ apiKey: null, environmentVariable: variable, provider: 'acme' })).toBeUndefined();
  });
});
