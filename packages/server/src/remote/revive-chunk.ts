import { messageFromJSON, type AggregationRule, type AIMessageChunkJSON } from '@rivulet/core';

/**
 * A `data` chunk as the local pipeline expects it: a model's message chunk
 * (its JSON says `role: 'ai', chunk: true`) becomes an `AIMessageChunk` again,
 * so chunks concatenate and `.text` works, at any key of a keyed chunk;
 * anything else is the parsed JSON.
 */
export function reviveChunk(chunk: unknown, rule: AggregationRule): unknown {
  if (typeof chunk !== 'object' || chunk === null) return chunk;
  if (rule.kind === 'keyed') {
    const revived: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(chunk)) {
      const inner = Object.hasOwn(rule.keys, key) ? reviveChunk(value, rule.keys[key] as AggregationRule) : value;
      Object.defineProperty(revived, key, { value: inner, enumerable: true, writable: true, configurable: true });
    }
    return revived;
  }
  const { role, chunk: isChunk } = chunk as { role?: unknown; chunk?: unknown };
  if (rule.kind === 'snapshot' || role !== 'ai' || isChunk !== true) return chunk;
  try {
    return messageFromJSON(chunk as AIMessageChunkJSON);
  } catch {
    return chunk; // looked like a message but is not one: keep the data as sent
  }
}
