import { type Observable } from 'rxjs';
import {
  delta,
  Runnable,
  onWholeInput,
  type AIMessageChunk,
  type BatchOptions,
  type BatchResult,
  type Message,
  type ResponseMetadata,
  type RetryOptions,
  type RunContext,
  type RunOptions,
  type RunStream,
  type StreamInput,
  type ToolCall,
} from '@rivulet/core';
import type { ChatModelProviderV1, ChatRequestV1, ChatStreamPartV1, ToolChoiceV1, ToolDefinitionV1 } from '@rivulet/provider';
import type { DeepPartial } from '@rivulet/parsers';
import type { z } from 'zod';
import { choiceChunks, foldChoices, type ChoiceChunk } from './choice-chunks.js';
import { structuredOutput, structuredOutputWithRaw, type RawAndParsed, type StructuredOutputOptions } from './structured-output.js';
import type { Tool } from './tool.js';
import { samplingParams, type ChatModelOptions } from './chat-model-options.js';
import { toMessages, type ChatModelInput } from './chat-model-input.js';
import { chatRequest } from './chat-request.js';
import { providerAttempt, withModelRetries } from './provider-attempt.js';
import { replyStream } from './reply-stream.js';
import { withBatchDefaults } from './batch-concurrency.js';
import { composeRunnables, mapComposition, type ModelComposition } from './model-composition.js';
import type { ModelCache } from '../cache/model-cache.js';
import type { RateLimiter } from '../rate-limit/rate-limiter.js';
import type { CallsAfterBinding, ToolCallOf } from './bound-tool-calls.js';
import type { ModelToolCalls, WithToolCalls } from './with-tool-calls.js';
import { modelRunConfig } from './model-run-metadata.js';

/**
 * A chat model: a `Runnable` from messages to a streamed `AIMessageChunk`,
 * built on a provider that only maps the wire. It adds message coercion,
 * retries before the first chunk (honouring Retry-After), the whole-run
 * `timeout` and the mid-stream `idleTimeout`, truncation detection, usage, a
 * cache and a rate budget. Every method that returns a model (`bindTools`,
 * `withOptions`, `withRetry`, `withFallbacks`, `withConfig`, `withCache`,
 * `withRateLimit`) returns one of the same class, with all these methods.
 *
 * Its runs describe the model in their metadata (`rivulet.model`: provider,
 * model, sampling parameters), which is how tracing knows a model call.
 * `M` types the replies' `responseMetadata` (a provider's subclass says what
 * it puts there) and `TC` their `toolCalls` (set by `bindTools`).
 *
 * @example
 * ```ts
 * const model = new ChatModel(myProvider, { temperature: 0, idleTimeout: 30_000 });
 * for await (const chunk of model.stream([{ role: 'user', content: 'Hi' }])) process.stdout.write(chunk.content);
 * ```
 */
export class ChatModel<M extends ResponseMetadata = ResponseMetadata, TC extends ToolCall = ToolCall> extends Runnable<
  ChatModelInput,
  AIMessageChunk<M, TC>
> {
  readonly name: string;
  readonly aggregation = delta<AIMessageChunk<M, TC>>();
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
    this.config = modelRunConfig({ provider: provider.provider, model: provider.modelId, params: { ...samplingParams(options) } }, options.timeout);
  }

  /**
   * The same model with tools it may call (every model of its fallbacks too).
   * Tool-call arguments stream with `partialArgs` snapshots on the chunks;
   * `executeToolCalls` runs the calls.
   *
   * The replies' `toolCalls` are typed from the tools: a union discriminated
   * by `name`, so checking the name gives the arguments' type (the input side
   * of the tool's schema). The type is what the tools declare, not a check: a
   * model may still call a tool it was not given or write arguments the
   * schema refuses, and `executeToolCalls` answers those with an error. When
   * a tool's name is a `string` known only at run time, calls stay untyped.
   *
   * @example
   * ```ts
   * const withTools = model.bindTools([weather]);
   * const reply = await withTools.invoke('Weather in Oslo?');
   * for (const call of reply.toolCalls) if (call.name === 'weather') console.log(call.args.city);
   * const results = await executeToolCalls(reply, [weather]);
   * ```
   */
  bindTools<const T extends readonly (Tool | ToolDefinitionV1)[]>(
    tools: T,
    options: { readonly toolChoice?: ToolChoiceV1 | undefined } = {},
  ): WithToolCalls<this, CallsAfterBinding<ModelToolCalls<this>, ToolCallOf<T[number]>>> {
    // Only the type changes: the model is of this class, with the tools added.
    return this.#withEach((own) => ({
      ...own,
      tools: [...(own.tools ?? []), ...tools],
      ...(options.toolChoice !== undefined && { toolChoice: options.toolChoice }),
    })) as never;
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
   * `withCache`, ...) applies to every model of the chain. Replies keep this
   * model's types: bind tools after `withFallbacks`, so every model has them.
   */
  override withFallbacks(fallbacks: readonly ChatModel[]): this;
  override withFallbacks(fallbacks: readonly Runnable<ChatModelInput, AIMessageChunk<M, TC>>[]): Runnable<ChatModelInput, AIMessageChunk<M, TC>>;
  override withFallbacks(
    fallbacks: readonly (ChatModel | Runnable<ChatModelInput, AIMessageChunk<M, TC>>)[],
  ): Runnable<ChatModelInput, AIMessageChunk<M, TC>> {
    if (!fallbacks.every((fallback) => fallback instanceof ChatModel)) {
      // Not all chat models: the second overload, whose fallbacks reply with this model's types.
      return super.withFallbacks(fallbacks as readonly Runnable<ChatModelInput, AIMessageChunk<M, TC>>[]);
    }
    return this.#wrap({ kind: 'fallbacks', inner: this, fallbacks });
  }

  /** Applies run `options` to every run of this model, as `Runnable.withConfig` does; the result is still a model of this class. */
  override withConfig(options: RunOptions): this {
    return this.#wrap({ kind: 'config', inner: this, options });
  }

  /** Like `Runnable.batch`, but at most `DEFAULT_BATCH_CONCURRENCY` (8) runs at a time unless `maxConcurrency` says otherwise. */
  override batch(inputs: readonly ChatModelInput[], options?: BatchOptions & { readonly returnExceptions?: false | undefined }): Promise<AIMessageChunk<M, TC>[]>;
  override batch(inputs: readonly ChatModelInput[], options: BatchOptions & { readonly returnExceptions: true }): Promise<(AIMessageChunk<M, TC> | Error)[]>;
  override batch(inputs: readonly ChatModelInput[], options?: BatchOptions): Promise<(AIMessageChunk<M, TC> | Error)[]>;
  override batch(inputs: readonly ChatModelInput[], options: BatchOptions = {}): Promise<(AIMessageChunk<M, TC> | Error)[]> {
    return super.batch(inputs, withBatchDefaults(options));
  }

  /** Like `Runnable.batchAsCompleted`, with the same default concurrency as {@link ChatModel.batch}. */
  override batchAsCompleted(inputs: readonly ChatModelInput[], options: BatchOptions = {}): RunStream<BatchResult<AIMessageChunk<M, TC>>> {
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

  doStream(input: StreamInput<ChatModelInput>, ctx: RunContext): Observable<AIMessageChunk<M, TC>> {
    const replies = this.#wrapping?.runnable.doStream(input, ctx) ?? onWholeInput(input, this.name, (value) => this.#reply(toMessages(value)));
    // The one place replies get this model's types: those its class says the provider sends, and its bound tools'.
    return replies as Observable<AIMessageChunk<M, TC>>;
  }

  /** The request the provider gets for `messages`, without its signal. */
  protected buildRequest(messages: readonly Message[]): Omit<ChatRequestV1, 'signal'> {
    return chatRequest(this.options, messages);
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
  generate(input: ChatModelInput, options: RunOptions & { readonly n: number }): Promise<AIMessageChunk<M, TC>[]> {
    return new Promise((resolve, reject) => {
      const chunks: ChoiceChunk[] = [];
      this.streamChoices(input, options).subscribe({
        next: (chunk) => chunks.push(chunk),
        error: reject,
        complete: () => resolve(foldChoices(chunks) as AIMessageChunk<M, TC>[]),
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
      // The model asked for `n`, so the run's description has it.
      config: model.config,
      doStream: (stepInput) =>
        onWholeInput(stepInput, this.name, (value) => withModelRetries(model.options, () => model.attempt(toMessages(value)).pipe(choiceChunks(this.provider.provider)))),
    });
  }

  /** One reply to `messages`, as a run streams it (see `replyStream`). */
  #reply(messages: readonly Message[]): Observable<AIMessageChunk> {
    return replyStream(this.name, this.provider, this.options, () => this.attempt(messages));
  }

  /** One call to the provider for `messages` (see `providerAttempt`). */
  private attempt(messages: readonly Message[]): Observable<ChatStreamPartV1> {
    return providerAttempt(this.provider, this.options, this.buildRequest(messages));
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
