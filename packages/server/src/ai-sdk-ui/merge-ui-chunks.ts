import { apart } from '@rivulet/core';
import type { UIMessageChunk } from './ui-message-chunk.js';

/**
 * Two parts waiting for a slow client as one, when they are deltas of the
 * same text, reasoning or tool input: the client builds the same message
 * from fewer events. Anything else stays apart.
 *
 * @internal
 */
export function mergeUIChunks(first: UIMessageChunk | 'done', second: UIMessageChunk | 'done'): UIMessageChunk | 'done' | typeof apart {
  if (first === 'done' || second === 'done') return apart;
  if ((first.type === 'text-delta' || first.type === 'reasoning-delta') && second.type === first.type && second.id === first.id) {
    return { ...first, delta: first.delta + second.delta };
  }
  if (first.type === 'tool-input-delta' && second.type === 'tool-input-delta' && second.toolCallId === first.toolCallId) {
    return { ...first, inputTextDelta: first.inputTextDelta + second.inputTextDelta };
  }
  return apart;
}
