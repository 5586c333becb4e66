import { describe, expect, test } from 'vitest';
import { createScriptPlayer } from './script.js';
import { ScriptExhaustedError } from './script-exhausted-error.js';

interface Reply {
  readonly text: string;
}
const fallback = (request: string): Reply => ({ text: `fallback ${request}` });

describe('createScriptPlayer', () => {
  test('answers every request with the fallback when there is no script', async () => {
    const play = createScriptPlayer<Reply, string>(undefined, fallback);
    expect(await play('a')).toEqual({ text: 'fallback a' });
    expect(await play('b')).toEqual({ text: 'fallback b' });
  });

  test('repeats a single reply', async () => {
    const play = createScriptPlayer<Reply, string>({ text: 'same' }, fallback);
    expect([await play('a'), await play('b')]).toEqual([{ text: 'same' }, { text: 'same' }]);
  });

  test('plays an array in order, then throws ScriptExhaustedError', async () => {
    const play = createScriptPlayer<Reply, string>([{ text: '1' }, { text: '2' }], fallback);
    expect(await play('a')).toEqual({ text: '1' });
    expect(await play('b')).toEqual({ text: '2' });
    const error = await play('c').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScriptExhaustedError);
    expect(error).toMatchObject({ position: 2, length: 2 });
    expect((error as Error).message).toBe('mock script exhausted: request #3 arrived but only 2 replies were scripted');
  });

  test('asks a function, sync or async, with the request', async () => {
    const play = createScriptPlayer<Reply, string>(async (request) => ({ text: request.toUpperCase() }), fallback);
    expect(await play('hi')).toEqual({ text: 'HI' });
  });

  test('passes a throwing function on as a rejection', async () => {
    const play = createScriptPlayer<Reply, string>(() => {
      throw new Error('bad script');
    }, fallback);
    await expect(play('x')).rejects.toThrow('bad script');
  });
});
