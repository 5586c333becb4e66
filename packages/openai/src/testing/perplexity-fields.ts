import type { MockPerplexityExtras } from './mock-reply.js';
import type { PerplexityFields } from './wire-types.js';

/** Perplexity's extras in wire form; only the fields the reply gave. */
export function perplexityFields(extras: MockPerplexityExtras | undefined): PerplexityFields {
  if (extras === undefined) return {};
  return {
    ...(extras.citations === undefined ? {} : { citations: extras.citations }),
    ...(extras.searchResults === undefined ? {} : { search_results: extras.searchResults }),
  };
}
