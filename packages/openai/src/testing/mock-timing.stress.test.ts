import { describe, expect, test } from 'vitest';
import { useMockOpenAIClient } from '../test-support/mock-openai-client.js';

// Real time on purpose (the stress suite is where it belongs): the mock's
// `delayMs` is a real timer between real socket writes.
const mock = useMockOpenAIClient();

describe('mock OpenAI server timing', () => {
  test('delayMs spaces the chunks out: four gaps of at least delayMs', async () => {
    const client = await mock.start({ text: 'abcdefgh', delayMs: 40 });
    const started = performance.now();
    const stream = await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hi' }], stream: true });
    const arrivals: number[] = [];
    for await (const _chunk of stream) arrivals.push(performance.now());
    // role → 'abcd' → 'efgh' → finish → end of stream: four gaps, and a timer never fires early.
    expect(arrivals).toHaveLength(4);
    expect((arrivals[3] as number) - started).toBeGreaterThanOrEqual(4 * 40 - 5 * 2);
    expect((arrivals[3] as number) - (arrivals[1] as number)).toBeGreaterThanOrEqual(2 * 40 - 5);
  });
});
