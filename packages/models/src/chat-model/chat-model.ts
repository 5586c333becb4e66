import { concatMap, type Observable } from 'rxjs';
import type {
  AIMessageChunk} from '@rivulet/core';
import {
  delta,
  InputError,
  retryWithBackoff,
  Runnable,
  wholeInput,
  type Message,
  type RunContext,
  type RunOptions,
  type RunStream,
  type StreamInput,
} from '@rivulet/core';
import type { ChatStreamPartV1 } from '@rivulet/provider';
import { choiceChunks, foldChoices, type ChoiceChunk } from './choice-chunks.js';
import type { ChatModelProviderV1 } from '@rivulet/provider';
import type { ChatRequestV1, ToolChoiceV1, ToolDefinitionV1 } from '@rivulet/provider';
import { streamToolArgs } from './stream-tool-args.js';
import { structuredOutput, structuredOutputWithRaw, type RawAndParsed, type StructuredOutputOptions } from './structured-output.js';
import type { DeepPartial } from '@rivulet/parsers';
import type { z } from 'zod';
import { toToolDefinition, type Tool } from './tool.js';
import { samplingParams, type ChatModelOptions } from './chat-model-options.js';
import { toMessages, type ChatModelInput } from './chat-model-input.js';
import { idleTimeout } from './idle-timeout.js';
import { partsToChunks } from './parts-to-chunks.js';
import { providerParts } from './provider-parts.js';
import { requireFinish } from './require-finish.js';

/**
 * A chat model: a `Runnable` from messages to a streamed `AIMessageChunk`,
 * built on a provider that only maps the wire. It adds message coercion,
 * retries before the first chunk (honouring Retry-After), the whole-run
 * `timeout` and the mid-stream `idleTimeout`, truncation detection and usage.
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
  readonly options: ChatModelOptions;

  constructor(provider: ChatModelProviderV1, options: ChatModelOptions = {}) {
    super();
    this.provider = provider;
    this.options = options;
    this.name = options.name ?? `${provider.provider}:${provider.modelId}`;
    this.config = options.timeout === undefined ? undefined : { timeout: options.timeout };
  }

  /**
   * The same model with tools it may call. Tool-call arguments stream with
   * `partialArgs` snapshots on the chunks; `executeToolCalls` runs the calls.
   *
   * @example
   * ```ts
   * const withTools = model.bindTools([weather]);
   * const reply = await withTools.invoke('Weather in Oslo?');
   * const results = await executeToolCalls(reply, [weather]);
   * ```
   */
  bindTools(tools: readonly (Tool | ToolDefinitionV1)[], options: { readonly toolChoice?: ToolChoiceV1 | undefined } = {}): this {
    return this.withOptions({ tools: [...(this.options.tools ?? []), ...tools], ...(options.toolChoice !== undefined && { toolChoice: options.toolChoice }) });
  }

  /**
   * This model asked for output matching a zod schema, parsed while it
   * streams: chunks are deep-partial snapshots, validated as they grow (a
   * field that can no longer fit fails early); `invoke` gives the value
   * validated by the whole schema. With `includeRaw`, the model's message is
   * kept beside it as `{ raw, parsed }`.
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

  /** The same model with some options replaced. */
  withOptions(options: ChatModelOptions): this {
    return this.derive({ ...this.options, ...options }) as this;
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

  doStream(input: StreamInput<ChatModelInput>, _ctx: RunContext): Observable<AIMessageChunk> {
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
    const model = this.withOptions({ n });
    return Runnable.from<ChatModelInput, ChoiceChunk>({
      name: this.name,
      aggregation: delta(),
      config: this.config,
      doStream: (stepInput) =>
        wholeInput(stepInput, this.name).pipe(
          concatMap((value) => model.withRetries(() => model.attempt(toMessages(value)).pipe(choiceChunks(this.provider.provider)))),
        ),
    }).stream(input, runOptions);
  }

  private streamReply(messages: readonly Message[]): Observable<AIMessageChunk> {
    if ((this.options.n ?? 1) > 1) {
      throw new InputError(`${this.name}: n = ${this.options.n} asks for several replies, and a run streams one. Use generate() or streamChoices().`);
    }
    const reply = this.withRetries(() => this.attempt(messages).pipe(partsToChunks(this.provider.provider), requireFinish(this.provider.provider)));
    return (this.options.tools?.length ?? 0) > 0 ? reply.pipe(streamToolArgs()) : reply;
  }

  /** One call to the provider, bounded by the idle timeout. */
  private attempt(messages: readonly Message[]): Observable<ChatStreamPartV1> {
    return providerParts(this.provider, this.buildRequest(messages)).pipe(idleTimeout(this.options.idleTimeout));
  }

  /** Retries before the first chunk, as the options say. */
  private withRetries<T>(attempt: () => Observable<T>): Observable<T> {
    return retryWithBackoff(attempt, { ...this.options.retry, maxAttempts: (this.options.maxRetries ?? 2) + 1 });
  }
}
