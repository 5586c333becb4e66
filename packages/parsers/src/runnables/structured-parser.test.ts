import { OutputParserError } from '@rivulet/core';
import { collect, fakeRunnable, settle } from '@rivulet/core/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { structuredParser } from '../index.js';

describe('structuredParser', () => {
  const joke = z.object({ setup: z.string(), punchline: z.string(), rating: z.number().default(5) });

  it('emits typed partial snapshots, then the validated value', async () => {
    const chain = fakeRunnable(['{"setup": "Why', '?", "punchline": "Be', 'cause."}']).pipe(structuredParser(joke));
    expect(await collect(chain.stream('q'))).toStrictEqual([
      { setup: 'Why' },
      { setup: 'Why?', punchline: 'Be' },
      { setup: 'Why?', punchline: 'Because.' },
      { setup: 'Why?', punchline: 'Because.', rating: 5 },
    ]);
    expect(await chain.invoke('q')).toStrictEqual({ setup: 'Why?', punchline: 'Because.', rating: 5 });
  });

  it('fails as soon as a field can no longer match', async () => {
    const { chunks, error } = await settle(fakeRunnable(['{"setup": "Why?"', ', "rating": "', 'high"}']).pipe(structuredParser(joke)).stream('q'));
    expect(chunks).toStrictEqual([{ setup: 'Why?' }]);
    expect(OutputParserError.isInstance(error)).toBe(true);
    expect((error as OutputParserError).issues.length).toBeGreaterThan(0);
  });

  it('fails on a final value that misses required fields', async () => {
    await expect(structuredParser(joke).invoke('{"setup": "x"')).rejects.toThrow(/Unexpected end/);
    const error: unknown = await structuredParser(joke)
      .invoke('{"setup": "x"}')
      .catch((e: unknown) => e);
    expect(OutputParserError.isInstance(error) && error.text).toBe('{"setup": "x"}');
  });
});
