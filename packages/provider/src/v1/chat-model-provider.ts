import type { ChatRequestV1 } from './chat-request.js';
import type { ChatStreamPartV1 } from './chat-stream-part.js';
import type { SubscribableV1 } from './subscribable.js';

/**
 * The contract a chat model provider implements, version 1. A provider only
 * maps the wire: one normalised request in, a stream of normalised parts out.
 * `ChatModel` (`@rivulet/models`) builds invoke/stream/batch, message
 * aggregation, retries, timeouts, usage, tools and structured output on top.
 *
 * Errors: throw (or emit) `ProviderError` from `@rivulet/core` with `status`,
 * `code`, `requestId` and `retryable` for every provider failure, and
 * `AbortError` when `request.signal` aborted the call (`@rivulet/provider-utils`
 * has the mappings). Anything else thrown is wrapped in a retryable
 * `ProviderError`.
 *
 * @example
 * ```ts
 * const echo: ChatModelProviderV1 = {
 *   specificationVersion: 'v1',
 *   provider: 'echo',
 *   modelId: 'echo-1',
 *   async *doStream(request) {
 *     yield { type: 'text-delta', text: request.messages.at(-1)?.text ?? '' };
 *     yield { type: 'finish', reason: 'stop' };
 *   },
 * };
 * ```
 */
export interface ChatModelProviderV1 {
  readonly specificationVersion: 'v1';
  /** The provider's name, e.g. `openai`; used in errors and events. */
  readonly provider: string;
  /** The model, e.g. `gpt-4o-mini`. */
  readonly modelId: string;
  /**
   * Sends `request` and streams the reply. Must stop all work and close its
   * connection when `request.signal` aborts, and must not start before being
   * iterated or subscribed.
   */
  doStream(request: ChatRequestV1): AsyncIterable<ChatStreamPartV1> | SubscribableV1<ChatStreamPartV1>;
}
