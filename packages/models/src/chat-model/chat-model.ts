import { concatMap, type Observable } from 'rxjs';
import {
  delta,
  InputError,
  retryWithBackoff,
  Runnable,
  wholeInput,
  type AIMessageChunk,
  type BatchOptions,
  type BatchResult,
  type Message,
  type RetryOptions,
  type RunContext,
  type RunOptions,
  type RunStream,
  type StreamInput,
} from '@rivulet/core';
import type { ChatModelProviderV1, ChatRequestV1, ChatStreamPartV1, ToolChoiceV1, ToolDefinitionV1 } from '@rivulet/provider';
import type { DeepPartial } from '@rivulet/parsers';
import type { z } from 'zod';
import { choiceChunks, foldChoices, type ChoiceChunk } from './choice-chunks.js';
import { streamToolArgs } from './stream-tool-args.js';
import { structuredOutput, structuredOutputWithRaw, type RawAndParsed, type StructuredOutputOptions } from './structured-output.js';
import { toToolDefinition, type Tool } from './tool.js';
import { samplingParams, type ChatModelOptions } from './chat-model-options.js';
import { toMessages, type ChatModelInput } from './chat-model-input.js';
import { idleTimeout } from './idle-timeout.js';
import { partsToChunks } from './parts-to-chunks.js';
import { providerParts } from './provider-parts.js';
import { requireFinish } from './require-finish.js';
import { withBatchDefaults } from './batch-concurrency.js';
import { composeRunnables, mapComposition, type ModelComposition } from './model-composition.js';
import type { ModelCache } from '../cache/model-cache.js';
import { cachedParts } from '../cache/cached-parts.js';
import type { RateLimiter } from '../rate-limit/rate-limiter.js';
import { rateLimitedParts } from '../rate-limit/rate-limited-parts.js';
import { estimateTokens } from '../rate-limit/estimate-tokens.js';

/**
 * A chat model: a `Runnable` from messages to a streamed `AIMessageChunk`,
 * built on a provider that only maps the wire. It adds message coercion,
 * retries before the first chunk (honouring Retry-After), the whole-run
 * `timeout` and the mid-stream `idleTimeout`, truncation detection, usage, a
 * cache and a rate budget. Every method that returns a model (`bindTools`,
 * `withOptions`, `withRetry`, `withFallbacks`, `withConfig`, `withCache`,
 * `withRateLimit`) returns one of the same class, with all these methods.
 *
 * @example
 * ```ts
 * const model = new ChatModel(myProvider, { temperature: 0, idleTimeout: 30_000 });
 * for await (const chunk of model.stream([{ role: 'user', content: 'Hi' }])) process.stdout.write(chunk.content);
 * ```
 */
export class ChatModel extends Runnable<ChatModelInput, AIMessageChunk> {
  readonly name: string;
  readonly aggregation = delta<AIMessageChunk>();
  override readonly config: RunOptions | undefined;
  readonly provider: ChatModelProviderV1;
  /** This model's options; on a model made by `withRetry`, `withFallbacks` or `withConfig`, those of the first model it runs. */
  readonly options: ChatModelOptions;
  /** Set on a model made by `withRetry`, `withFallbacks` or `withConfig`: what it wraps, and the runnable that runs it. */
  #wrapping: { readonly of: ModelComposition<ChatModel>; readonly runnable: Runnable<ChatModelInput, AIMessageChunk> } | undefined;

  constructor(provider: ChatModelProviderV1, options: ChatModelOptions = {}) {
    super();
    this.provider = provider;
    this.options = options;
    this.name = options.name ?? `${provider.provider}:${provider.modelId}`;
    this.config = options.timeout === undefined ? undefined : { timeout: options.timeout };
  }

  /**
   * The same model with tools it may call (every model of its fallbacks too).
   * Tool-call arguments stream with `partialArgs` snapshots on the chunks;
   * `executeToolCalls` runs the calls.
   *
   * @example
   * ```ts
   * const withTools = model.bindTools([weather]);
   * const reply = await withTools.invoke('Weather in Oslo?');
   * const results = await executeToolCalls(reply, [weather]);
   * ```
   */
  bindTools(tools: readonly (Tool | ToolDefinitionV1)[], options: { readonly toolChoice?: ToolChoiceV1 | undefined } = {}): this {
    return this.#withEach((own) => ({
      ...own,
      tools: [...(own.tools ?? []), ...tools],
      ...(options.toolChoice !== undefined && { toolChoice: options.toolChoice }),
    }));
  }

  /**
   * This model asked for output matching a zod schema, parsed while it
   * streams: chunks are deep-partial snapshots, validated as they grow (a
   * field that can no longer fit fails early); `invoke` gives the value
   * validated by the whole schema. With `includeRaw`, the model's message is
   * kept beside it as `{ raw, parsed }`. Every model of its fallbacks is asked
   * the same way.
   *
   * @example
   * ```ts
   * const joke = z.object({ setup: z.string(), punchline: z.string() });
   * for await (const partial of model.withStructuredOutput(joke).stream('A joke about rivers')) render(partial);
   * ```
   */
  withStructuredOutput<S extends z.ZodType>(
    schema: S,
    options?: StructuredOutputOptions & { readonly includeRaw?: false | undefined },
  ): Runnable<ChatModelInput, z.output<S>, DeepPartial<z.output<S>>>;
  withStructuredOutput<S extends z.ZodType>(
    schema: S,
    options: StructuredOutputOptions & { readonly includeRaw: true },
  ): Runnable<ChatModelInput, RawAndParsed<z.output<S>>, Partial<RawAndParsed<DeepPartial<z.output<S>>>>>;
  withStructuredOutput<S extends z.ZodType>(
    schema: S,
    options: StructuredOutputOptions & { readonly includeRaw?: boolean | undefined } = {},
  ): Runnable<ChatModelInput, unknown, unknown> {
    return options.includeRaw ? structuredOutputWithRaw(this, schema, options) : structuredOutput(this, schema, options);
  }

  /** The same model with some options replaced (in every model of its fallbacks too). */
  withOptions(options: ChatModelOptions): this {
    return this.#withEach((own) => ({ ...own, ...options }));
  }

  /**
   * The same model with its replies cached in `store` (see `InMemoryCache`):
   * a request it answered before replays as the same chunks, with no request
   * and nothing taken from a rate budget. Failed, cancelled or truncated
   * replies are never stored; identical requests in flight together share one.
   */
  withCache(store: ModelCache): this {
    return this.withOptions({ cache: store });
  }

  /** The same model with its requests waiting, cancellably, for room in `limiter`'s budget (see `rateLimiter`). */
  withRateLimit(limiter: RateLimiter): this {
    return this.withOptions({ rateLimiter: limiter });
  }

  /**
   * Runs the whole model again when a run fails before its first chunk, as
   * `Runnable.withRetry` does: around the model's own request retries
   * (`maxRetries`), so it can retry what they do not (`retryOn`), or a chain
   * of fallbacks. The result is still a model of this class.
   */
  override withRetry(options?: RetryOptions): this {
    return this.#wrap({ kind: 'retry', inner: this, options });
  }

  /**
   * Tries `fallbacks` in order when this model fails before its first chunk.
   * When they are chat models the result is one too, of this class, and what
   * is asked of it later (`bindTools`, `withStructuredOutput`, `withOptions`,
   * `withCache`, ...) applies to every model of the chain.
   */
  override withFallbacks(fallbacks: readonly ChatModel[]): this;
  override withFallbacks(fallbacks: readonly Runnable<ChatModelInput, AIMessageChunk>[]): Runnable<ChatModelInput, AIMessageChunk>;
  override withFallbacks(fallbacks: readonly Runnable<ChatModelInput, AIMessageChunk>[]): Runnable<ChatModelInput, AIMessageChunk> {
    if (!fallbacks.every((fallback) => fallback instanceof ChatModel)) return super.withFallbacks(fallbacks);
    return this.#wrap({ kind: 'fallbacks', inner: this, fallbacks });
  }

  /** Applies run `options` to every run of this model, as `Runnable.withConfig` does; the result is still a model of this class. */
  override withConfig(options: RunOptions): this {
    return this.#wrap({ kind: 'config', inner: this, options });
  }

  /** Like `Runnable.batch`, but at most `DEFAULT_BATCH_CONCURRENCY` (8) runs at a time unless `maxConcurrency` says otherwise. */
  override batch(inputs: readonly ChatModelInput[], options?: BatchOptions & { readonly returnExceptions?: false | undefined }): Promise<AIMessageChunk[]>;
  override batch(inputs: readonly ChatModelInput[], options: BatchOptions & { readonly returnExceptions: true }): Promise<(AIMessageChunk | Error)[]>;
  override batch(inputs: readonly ChatModelInput[], options?: BatchOptions): Promise<(AIMessageChunk | Error)[]>;
  override batch(inputs: readonly ChatModelInput[], options: BatchOptions = {}): Promise<(AIMessageChunk | Error)[]> {
    return super.batch(inputs, withBatchDefaults(options));
  }

  /** Like `Runnable.batchAsCompleted`, with the same default concurrency as {@link ChatModel.batch}. */
  override batchAsCompleted(inputs: readonly ChatModelInput[], options: BatchOptions = {}): RunStream<BatchResult<AIMessageChunk>> {
    return super.batchAsCompleted(inputs, withBatchDefaults(options));
  }

  /**
   * A model of the same class on the same provider with `options`. The
   * default runs only `ChatModel`'s constructor, with the subclass as
   * `new.target`, so subclasses that keep no state of their own (like
   * `OpenAIChatModel`) stay what they are; others override this.
   */
  protected derive(options: ChatModelOptions): ChatModel {
    return Reflect.construct(ChatModel, [this.provider, options], this.constructor) as ChatModel;
  }

  doStream(input: StreamInput<ChatModelInput>, ctx: RunContext): Observable<AIMessageChunk> {
    if (this.#wrapping !== undefined) return this.#wrapping.runnable.doStream(input, ctx);
    return wholeInput(input, this.name).pipe(concatMap((value) => this.streamReply(toMessages(value))));
  }

  /** The request the provider gets for `messages`, without its signal. */
  protected buildRequest(messages: readonly Message[]): Omit<ChatRequestV1, 'signal'> {
    const { tools, toolChoice, responseFormat, providerOptions } = this.options;
    return {
      messages,
      params: samplingParams(this.options),
      ...(tools !== undefined && tools.length > 0 && { tools: tools.map(toToolDefinition) }),
      ...(toolChoice !== undefined && { toolChoice }),
      ...(responseFormat !== undefined && { responseFormat }),
      ...(providerOptions !== undefined && { providerOptions }),
    };
  }

  /**
   * Several replies to the same input (the provider's `n`), each complete,
   * in choice order. Choices stream separately and are never interleaved.
   *
   * @example
   * ```ts
   * const [first, second] = await model.generate('Name a river', { n: 2 });
   * ```
   */
  generate(input: ChatModelInput, options: RunOptions & { readonly n: number }): Promise<AIMessageChunk[]> {
    return new Promise((resolve, reject) => {
      const chunks: ChoiceChunk[] = [];
      this.streamChoices(input, options).subscribe({
        next: (chunk) => chunks.push(chunk),
        error: reject,
        complete: () => resolve(foldChoices(chunks)),
      });
    });
  }

  /** The chunks of several replies to the same input, each tagged with its choice. */
  streamChoices(input: ChatModelInput, options: RunOptions & { readonly n: number }): RunStream<ChoiceChunk> {
    const { n, ...runOptions } = options;
    return this.choices(n).stream(input, runOptions);
  }

  /** The step behind `streamChoices`: this model's, wrapped as this model is. */
  private choices(n: number): Runnable<ChatModelInput, ChoiceChunk> {
    if (this.#wrapping !== undefined) return composeRunnables(this.#wrapping.of, (model) => model.choices(n));
    const model = this.withOptions({ n });
    return Runnable.from<ChatModelInput, ChoiceChunk>({
      name: this.name,
      aggregation: delta(),
      config: this.config,
      doStream: (stepInput) =>
        wholeInput(stepInput, this.name).pipe(
          concatMap((value) => model.withRetries(() => model.attempt(toMessages(value)).pipe(choiceChunks(this.provider.provider)))),
        ),
    });
  }

  private streamReply(messages: readonly Message[]): Observable<AIMessageChunk> {
    if ((this.options.n ?? 1) > 1) {
      throw new InputError(`${this.name}: n = ${this.options.n} asks for several replies, and a run streams one. Use generate() or streamChoices().`);
    }
    const reply = this.withRetries(() => this.attempt(messages).pipe(partsToChunks(this.provider.provider), requireFinish(this.provider.provider)));
    return (this.options.tools?.length ?? 0) > 0 ? reply.pipe(streamToolArgs()) : reply;
  }

  /**
   * One call to the provider: replayed from the cache when it holds the
   * reply, else sent once the rate budget has room, then bounded by the idle
   * timeout (waiting for the budget is not silence).
   */
  private attempt(messages: readonly Message[]): Observable<ChatStreamPartV1> {
    const request = this.buildRequest(messages);
    const { cache, rateLimiter, idleTimeout: idleMs } = this.options;
    const call = (): Observable<ChatStreamPartV1> => providerParts(this.provider, request).pipe(idleTimeout(idleMs));
    const limited = rateLimiter === undefined ? call : () => rateLimitedParts(rateLimiter, { requests: 1, tokens: estimateTokens(request) }, call);
    return cache === undefined ? limited() : cachedParts(cache, this.provider, request, limited);
  }

  /** Retries before the first chunk, as the options say. */
  private withRetries<T>(attempt: () => Observable<T>): Observable<T> {
    return retryWithBackoff(attempt, { ...this.options.retry, maxAttempts: (this.options.maxRetries ?? 2) + 1 });
  }

  /** The same model with `change` made to the options of every model it runs. */
  #withEach(change: (options: ChatModelOptions) => ChatModelOptions): this {
    if (this.#wrapping === undefined) return this.derive(change(this.options)) as this;
    const changed = mapComposition(this.#wrapping.of, (model) => model.#withEach(change));
    return changed.inner.#wrap(changed) as this;
  }

  /** A model of this class that runs `of` (core's wrapping, exactly), keeping this model's options for what is asked of it later. */
  #wrap(of: ModelComposition<ChatModel>): this {
    const runnable = composeRunnables(of, (model: ChatModel) => model);
    const model = this.derive(this.options);
    model.#wrapping = { of, runnable };
    // Made a moment ago: it runs with the wrapping's run options (withConfig's), not those of its options.
    (model as { config: RunOptions | undefined }).config = runnable.config;
    return model as this;
  }
}
