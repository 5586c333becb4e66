import type { ResponseMetadata } from '@rivulet/core';

/**
 * The `responseMetadata` keys most chat providers set; each provider's own
 * type extends it with its extras (`OpenAIChatMetadata` adds Perplexity's
 * `citations` and `searchResults`). Every key is optional: it is there when
 * the provider sent it.
 *
 * @example
 * ```ts
 * interface MyProviderMetadata extends ChatResponseMetadata {
 *   readonly region?: string | undefined;
 * }
 * class MyChatModel extends ChatModel<MyProviderMetadata> {}
 * ```
 */
export interface ChatResponseMetadata extends ResponseMetadata {
  /** The provider's id of the response. */
  readonly id?: string | undefined;
  /** The model that answered, as the provider names it (often more precise than the one asked for). */
  readonly model?: string | undefined;
  /** The provider's own finish reason, before it was normalised into `finishReason`. */
  readonly finishReason?: string | undefined;
}
