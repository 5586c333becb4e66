import { ProviderError } from '@rivulet/core';
import { collect } from '@rivulet/core/testing';
import { ChatModel } from '@rivulet/models';
import type { ChatModelProviderV1, ChatStreamPartV1 } from '@rivulet/provider';
import { describe, expect, it } from 'vitest';

/** A provider that streams `parts` and counts its calls. */
function scripted(parts: readonly ChatStreamPartV1[]): ChatModelProviderV1 & { calls: number } {
  return {
    specificationVersion: 'v1',
    provider: 'scripted',
    modelId: 'm',
    calls: 0,
    async *doStream() {
      this.calls++;
      yield* parts;
    },
  };
}

const malformed: Record<string, ChatStreamPartV1[]> = {
  'tool input for a call that never started': [
    { type: 'text-delta', text: 'Let me look' },
    { type: 'tool-input-delta', id: 'call_1', delta: '{}' },
    { type: 'finish', reason: 'tool_calls' },
  ],
  'a second start of the same call': [
    { type: 'text-delta', text: 'Let me look' },
    { type: 'tool-input-start', id: 'call_1', name: 'search' },
    { type: 'tool-input-start', id: 'call_1', name: 'search' },
    { type: 'finish', reason: 'tool_calls' },
  ],
};

describe('a provider that streams malformed tool input', () => {
  for (const [name, parts] of Object.entries(malformed)) {
    it(`${name}: malformed_event, not retried, the chunks before it delivered`, async () => {
      const provider = scripted(parts);
      const seen: string[] = [];
      const failure = await collect(new ChatModel(provider).stream('hi')).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ProviderError);
      expect(failure).toMatchObject({ code: 'malformed_event', retryable: false, provider: 'scripted' });
      expect(provider.calls).toBe(1);
      const model = new ChatModel(scripted(parts), { maxRetries: 0 });
      await model
        .stream('hi')
        .forEach((chunk) => seen.push(chunk.text))
        .catch(() => undefined);
      expect(seen.join('')).toBe('Let me look');
      // Several choices map parts the same way.
      await expect(new ChatModel(scripted(parts)).generate('hi', { n: 2 })).rejects.toMatchObject({ code: 'malformed_event' });
    });
  }
});
