import { map, type Observable } from 'rxjs';
import {
  Runnable,
  snapshot,
  onWholeInput,
  type BatchOptions,
  type RunContext,
  type RunOptions,
  type StreamInput,
} from '@rivulet/core';
import type { EmbeddingModelProviderV1 } from '@rivulet/provider';
import { embedBatches } from './embed-batches.js';
import type { EmbedManyOptions } from './embed-many-options.js';
import type { EmbedManyResult } from './embed-many-result.js';
import { requireParallelCalls, requireText, requireTexts } from './embedding-inputs.js';
import { DEFAULT_MAX_PARALLEL_CALLS, type EmbeddingModelOptions } from './embedding-model-options.js';
import { modelRunConfig } from '../chat-model/model-run-metadata.js';

/**
 * An embedding model over any provider, and a `Runnable` from a text to its
 * vector, so it can sit in a chain (`parallel({ text: passthrough(), vector:
 * embedder })`), be traced, retried or given fallbacks like any step.
 *
 * `embed(text)` is `invoke(text)`. `embedMany(texts)` splits the texts into
 * batches of the provider's `maxEmbeddingsPerCall`, runs up to
 * `maxParallelCalls` of them at once, retries each batch on its own
 * (honouring Retry-After), and resolves to the vectors in input order with
 * the usage of all calls. `batch(texts)` is `embedMany` too, so a chain's
 * batch makes one call per provider batch, not one per text. Aborting
 * `signal` or running past `timeout` aborts every request in flight. Its
 * runs describe the model in their metadata (`rivulet.model`, operation
 * `embeddings`), which is how tracing knows an embedding call.
 *
 * @example
 * ```ts
 * const embedder = new EmbeddingModel(myProvider, { maxParallelCalls: 2 });
 * const query = await embedder.embed('rivers of Norway');
 * const { embeddings, usage } = await embedder.embedMany(documents, { signal });
 * ```
 */
export class EmbeddingModel extends Runnable<string, number[]> {
  readonly name: string;
  /** One chunk per run: the whole vector. */
  readonly aggregation = snapshot<number[]>();
  override readonly config: RunOptions | undefined;
  readonly provider: EmbeddingModelProviderV1;
  readonly options: EmbeddingModelOptions;

  constructor(provider: EmbeddingModelProviderV1, options: EmbeddingModelOptions = {}) {
    super();
    this.provider = provider;
    this.options = options;
    this.name = options.name ?? `${provider.provider}:${provider.modelId}`;
    this.config = modelRunConfig({ provider: provider.provider, model: provider.modelId, operation: 'embeddings' }, options.timeout);
  }

  /**
   * The vector of one text: `invoke(text)`. For the usage of a single text,
   * use `embedMany([text])`.
   *
   * @example
   * ```ts
   * const vector = await embedder.embed('What is a fjord?', { timeout: 10_000 });
   * ```
   */
  embed(text: string, options?: RunOptions): Promise<number[]> {
    return this.invoke(text, options);
  }

  /**
   * The vectors of many texts, in their order, with the summed usage. An
   * empty array resolves at once, without a call. The first batch that
   * fails for good (after its retries) rejects the whole and aborts the rest.
   *
   * @example
   * ```ts
   * const { embeddings, usage } = await embedder.embedMany(chunks, { maxParallelCalls: 8, signal });
   * ```
   */
  embedMany(texts: readonly string[], options: EmbedManyOptions = {}): Promise<EmbedManyResult> {
    const { maxParallelCalls, ...runOptions } = options;
    return Runnable.from<readonly string[], EmbedManyResult>({
      name: this.name,
      aggregation: snapshot(),
      config: this.config,
      doStream: (input) => onWholeInput(input, this.name, (values) => this.embedValues(requireTexts(values, this.name), maxParallelCalls)),
    }).invoke(texts, runOptions);
  }

  /**
   * One vector per text in input order, through `embedMany` (batched at the
   * provider; `maxConcurrency` caps the parallel calls). With
   * `returnExceptions`, each text is its own run and call instead, so that
   * one text the provider refuses fails only itself.
   */
  override batch(inputs: readonly string[], options?: BatchOptions & { readonly returnExceptions?: false | undefined }): Promise<number[][]>;
  override batch(inputs: readonly string[], options: BatchOptions & { readonly returnExceptions: true }): Promise<(number[] | Error)[]>;
  override batch(inputs: readonly string[], options?: BatchOptions): Promise<(number[] | Error)[]>;
  override async batch(inputs: readonly string[], options: BatchOptions = {}): Promise<(number[] | Error)[]> {
    if (options.returnExceptions === true) return super.batch(inputs, options);
    const { returnExceptions: _ignored, maxConcurrency, ...runOptions } = options;
    return (await this.embedMany(inputs, { ...runOptions, maxParallelCalls: maxConcurrency })).embeddings;
  }

  /** The same model with some options replaced. */
  withOptions(options: EmbeddingModelOptions): this {
    return this.derive({ ...this.options, ...options }) as this;
  }

  /**
   * A model of the same class on the same provider with `options`. The
   * default runs only `EmbeddingModel`'s constructor, with the subclass as
   * `new.target`, so subclasses that keep no state of their own (like
   * `OpenAIEmbeddingModel`) stay what they are; others override this.
   */
  protected derive(options: EmbeddingModelOptions): EmbeddingModel {
    return Reflect.construct(EmbeddingModel, [this.provider, options], this.constructor) as EmbeddingModel;
  }

  doStream(input: StreamInput<string>, _ctx: RunContext): Observable<number[]> {
    return onWholeInput(input, this.name, (text) => this.embedValues([requireText(text, this.name)], 1)).pipe(map((result) => result.embeddings[0] as number[]));
  }

  /** Every batch of `values` through the provider, as the options say. */
  private embedValues(values: readonly string[], maxParallelCalls: number | undefined): Observable<EmbedManyResult> {
    const parallel = requireParallelCalls(maxParallelCalls ?? this.options.maxParallelCalls ?? DEFAULT_MAX_PARALLEL_CALLS, this.name);
    return embedBatches(this.provider, values, {
      providerOptions: this.options.providerOptions,
      parallelCalls: this.provider.supportsParallelCalls === false ? 1 : parallel,
      retry: { ...this.options.retry, maxAttempts: (this.options.maxRetries ?? 2) + 1 },
      idleTimeout: this.options.idleTimeout,
    });
  }
}
