import type { EmbeddingModel, EmbeddingModelOptions } from '@rivulet/models';
import type { RecordedRequest } from '../mock-server/recorded-request.js';
import type { ProviderConformanceTarget } from './conformance-target.js';
import type { EmbeddingConformanceScript } from './embedding-conformance-reply.js';

/** A provider's mock server playing one embedding conformance script, with embedding models pointed at it. */
export interface EmbeddingConformanceServer<Request extends RecordedRequest = RecordedRequest> {
  /**
   * An embedding model of the provider under test (the provider's own
   * `EmbeddingModel` subclass), talking to this server with the target's
   * `apiKey`, `options` passed on as they are. Its provider's
   * `maxEmbeddingsPerCall` must be finite and small: the batching scenario
   * sends `2 × maxEmbeddingsPerCall + 1` texts.
   */
  model(options?: EmbeddingModelOptions): EmbeddingModel;
  /** Every request the server received, in arrival order, each updated live. */
  readonly requests: readonly Request[];
  /** Stops the server and destroys open connections. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * What {@link describeEmbeddingConformance} needs to know about a provider's
 * embeddings. `name`, `apiKey` and `errorCodes` mean what they mean for chat.
 *
 * @typeParam Request - the mock's recorded request, as `textsOf` reads it.
 */
export interface EmbeddingConformanceTarget<Request extends RecordedRequest = RecordedRequest>
  extends Pick<ProviderConformanceTarget, 'name' | 'apiKey' | 'errorCodes'> {
  /** Starts the provider's mock server with `script` translated into the mock's own script. */
  startServer(script: EmbeddingConformanceScript): Promise<EmbeddingConformanceServer<Request>>;
  /** The texts one recorded embeddings request asked for, in the order it sent them. */
  textsOf(request: Request): readonly string[];
  /**
   * Whether the provider's answers report the tokens read; true unless told.
   * Without usage, the suite checks that `embedMany` reports none rather
   * than a made-up count.
   */
  readonly usage?: boolean | undefined;
}
