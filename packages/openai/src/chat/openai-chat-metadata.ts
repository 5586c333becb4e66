import type { ChatResponseMetadata } from '@rivulet/models';

/**
 * One of Perplexity's `search_results`, as Perplexity sends it (field names
 * unchanged). `title` and `url` are checked when the chunk is read; fields
 * Perplexity adds later read as `unknown`.
 */
export interface PerplexitySearchResult {
  readonly title: string;
  readonly url: string;
  /** When the page was published, as Perplexity writes it (`2024-03-14`), or `null`. */
  readonly date?: string | null | undefined;
  /** When the page last changed, or `null`. */
  readonly last_updated?: string | null | undefined;
  readonly snippet?: string | null | undefined;
  readonly [field: string]: unknown;
}

/**
 * The `responseMetadata` of `OpenAIChatModel`'s replies: the response `id`,
 * the `model` that answered, the raw `finishReason`, and, from Perplexity (or
 * any compatible server that sends them), `citations` (URLs, numbered as the
 * text's `[1]`, `[2]`) and `searchResults`. Each key is there once the server
 * sent it; Perplexity sends its sources with the first chunks.
 *
 * @example
 * ```ts
 * const reply = await perplexity.invoke('Which river is the largest?');
 * reply.responseMetadata.citations?.forEach((url, i) => console.log(`[${i + 1}] ${url}`));
 * for (const result of reply.responseMetadata.searchResults ?? []) console.log(result.title, result.url);
 * ```
 */
export interface OpenAIChatMetadata extends ChatResponseMetadata {
  readonly citations?: readonly string[] | undefined;
  readonly searchResults?: readonly PerplexitySearchResult[] | undefined;
}
