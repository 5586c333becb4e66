import type { FaultSchedule } from '../faults/fault-schedule.js';
import { conformanceFaults, type ConformanceFaultWire } from './conformance-faults.js';
import type { EmbeddingConformanceReply } from './embedding-conformance-reply.js';

/**
 * What {@link embeddingConformanceFaults} needs to know about a provider's
 * mock: its error object and its Retry-After unit, as for chat. An
 * embeddings answer is one JSON body, so no events precede anything.
 */
export type EmbeddingConformanceFaultWire<ErrorShape extends object> = Omit<ConformanceFaultWire<ErrorShape>, 'leadingEvents'>;

/**
 * The fault fields of an embedding conformance reply as the mock-server
 * kit's fault schedule, which every mock's embeddings route plays
 * (`playFaultsBeforeReply`, then `sendJsonWithFaults`): an adapter spreads
 * the result into its mock's reply and maps only `inputTokens` and
 * `wrongCount`. The shared fields go through the chat suite's
 * `conformanceFaults`, so both suites script a fault the same way.
 *
 * @example
 * ```ts
 * const reply: MockEmbeddingReply = {
 *   ...(conformance.inputTokens !== undefined && { promptTokens: conformance.inputTokens }),
 *   ...embeddingConformanceFaults(conformance, { error: ({ message, code }) => ({ message, code }) }),
 * };
 * ```
 */
export function embeddingConformanceFaults<ErrorShape extends object>(
  reply: EmbeddingConformanceReply,
  wire: EmbeddingConformanceFaultWire<ErrorShape>,
): FaultSchedule<ErrorShape> {
  // `wrongCount`, `inputTokens` and `dropBeforeHeaders` are unknown to the chat mapping; a torn body is a drop right after the headers.
  const { wrongCount: _wrongCount, inputTokens: _inputTokens, dropBeforeHeaders, dropAfterHeaders, ...shared } = reply;
  return {
    ...conformanceFaults({ ...shared, ...(dropAfterHeaders === true && { dropAfterChunks: 0 }) }, { ...wire, leadingEvents: 0 }),
    ...(dropBeforeHeaders === true && { dropBeforeHeaders }),
  };
}
