import { from, map, mergeMap, toArray, type Observable } from 'rxjs';
import { retryWithBackoff, type RetryOptions } from '@rivulet/core';
import type { EmbeddingModelProviderV1 } from '@rivulet/provider';
import { idleTimeout } from '../chat-model/idle-timeout.js';
import type { EmbedManyResult } from './embed-many-result.js';
import { embeddingCall, type EmbeddingCallResult } from './embedding-call.js';
import { splitBatches } from './split-batches.js';

/** How `embedBatches` calls the provider. */
export interface BatchSettings {
  readonly providerOptions: Readonly<Record<string, unknown>> | undefined;
  /** Provider calls in flight at once (at least 1). */
  readonly parallelCalls: number;
  readonly retry: RetryOptions;
  readonly idleTimeout: number | undefined;
}

/**
 * Embeds `values` in batches of the provider's `maxEmbeddingsPerCall`, at
 * most `parallelCalls` at a time, each retried on its own. The first batch
 * to fail for good ends the whole: every call in flight is aborted and no
 * further batch starts (mergeMap unsubscribes them). Vectors come back in
 * the order of `values`, whatever order the calls finish in. No values: no
 * call, and an empty result.
 */
export function embedBatches(provider: EmbeddingModelProviderV1, values: readonly string[], settings: BatchSettings): Observable<EmbedManyResult> {
  const batches = splitBatches(values, provider.maxEmbeddingsPerCall);
  const attempt = (batch: readonly string[]): Observable<EmbeddingCallResult> =>
    embeddingCall(provider, batch, settings.providerOptions).pipe(idleTimeout(settings.idleTimeout));
  return from(batches.map((batch, index) => ({ batch, index }))).pipe(
    mergeMap(({ batch, index }) => retryWithBackoff(() => attempt(batch), settings.retry).pipe(map((result) => ({ index, result }))), settings.parallelCalls),
    toArray(),
    map((done) => assemble(done.sort((a, b) => a.index - b.index).map(({ result }) => result))),
  );
}

/** The results of every batch, in batch order, as one result. */
function assemble(results: readonly EmbeddingCallResult[]): EmbedManyResult {
  const reported = results.every((result) => result.usage !== undefined);
  return {
    embeddings: results.flatMap((result) => result.embeddings),
    usage: reported ? { inputTokens: results.reduce((sum, result) => sum + (result.usage?.inputTokens ?? 0), 0) } : undefined,
    metadata: results.map((result) => result.metadata ?? {}),
  };
}
