import { Observable } from 'rxjs';
import { AbortError } from '@rivulet/core';
import type { EmbeddingModelProviderV1, EmbeddingResultV1 } from '@rivulet/provider';
import { toProviderError } from '../chat-model/to-provider-error.js';
import { checkEmbeddings } from './check-embeddings.js';

/** The checked answer of one provider call. */
export interface EmbeddingCallResult {
  readonly embeddings: number[][];
  readonly usage: EmbeddingResultV1['usage'];
  readonly metadata: EmbeddingResultV1['metadata'];
}

/**
 * One call to the provider, as an observable: each subscription sends the
 * batch once, with a signal that aborts (closing the connection) when the
 * subscription ends first, e.g. because the run was cancelled or another
 * batch failed. Failures arrive as Rivulet errors.
 */
export function embeddingCall(
  provider: EmbeddingModelProviderV1,
  values: readonly string[],
  providerOptions: Readonly<Record<string, unknown>> | undefined,
): Observable<EmbeddingCallResult> {
  return new Observable<EmbeddingCallResult>((subscriber) => {
    const controller = new AbortController();
    const fail = (error: unknown): void =>
      subscriber.error(controller.signal.aborted ? new AbortError('The request was aborted.', { cause: error }) : toProviderError(error, provider.provider));
    const answer = (result: EmbeddingResultV1): void => {
      try {
        const embeddings = checkEmbeddings(result, values.length, provider.provider);
        subscriber.next({ embeddings, usage: result.usage, metadata: result.metadata });
        subscriber.complete();
      } catch (error) {
        fail(error);
      }
    };
    try {
      provider.doEmbed({ values, signal: controller.signal, ...(providerOptions !== undefined && { providerOptions }) }).then(answer, fail);
    } catch (error) {
      fail(error);
    }
    return () => controller.abort();
  });
}
