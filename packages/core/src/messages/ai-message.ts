import { BaseMessage, baseMessageJSON, type BaseMessageFields, type BaseMessageJSON } from './base-message.js';
import { isMessageContent, type MessageContent } from './content.js';
import type { FinishReason } from './finish-reason.js';
import { freezeMetadata, type ResponseMetadata } from './response-metadata.js';
import type { InvalidToolCall, ToolCall } from './tool-call.js';
import type { Usage } from './usage.js';

/** Fields of an {@link AIMessage}; everything is optional, content defaults to `''`. */
export interface AIMessageFields<M extends ResponseMetadata = ResponseMetadata, TC extends ToolCall = ToolCall>
  extends Omit<BaseMessageFields, 'content'> {
  readonly content?: MessageContent | undefined;
  readonly toolCalls?: readonly TC[] | undefined;
  readonly invalidToolCalls?: readonly InvalidToolCall[] | undefined;
  readonly usage?: Usage | undefined;
  readonly responseMetadata?: M | undefined;
  readonly finishReason?: FinishReason | undefined;
  readonly reasoning?: string | undefined;
}

/** JSON shape of an {@link AIMessage}; unset fields and empty lists are left out. */
export interface AIMessageJSON extends BaseMessageJSON {
  readonly role: 'ai';
  readonly toolCalls?: readonly ToolCall[];
  readonly invalidToolCalls?: readonly InvalidToolCall[];
  readonly usage?: Usage;
  readonly responseMetadata?: ResponseMetadata;
  readonly finishReason?: FinishReason;
  readonly reasoning?: string;
}

interface StoredToolCalls {
  readonly toolCalls: readonly ToolCall[];
  readonly invalidToolCalls: readonly InvalidToolCall[];
}

const noToolCalls: StoredToolCalls = Object.freeze({ toolCalls: Object.freeze([]), invalidToolCalls: Object.freeze([]) });

// Tool calls are getters backed by this map, not fields, so that `AIMessageChunk` can
// derive them lazily; a private field would make the class nominal across package copies.
const storedToolCalls = new WeakMap<AIMessage, StoredToolCalls>();

/**
 * A reply of the model: content, tool calls, token usage, why it stopped, and provider extras.
 * Streaming produces {@link AIMessageChunk}s, whose concatenation is itself an `AIMessage`.
 *
 * The type parameters are what a chat model knows of its replies: `M`, the provider's
 * `responseMetadata` (`OpenAIChatModel`'s has Perplexity's `citations`), and `TC`, its
 * tool calls (a union by tool name once tools are bound with `bindTools`). Both default
 * to the untyped shapes, and a typed message is assignable to a plain `AIMessage`.
 *
 * @example
 * ```ts
 * const reply = await model.invoke([human('Weather in Paris?')]);
 * for (const call of reply.toolCalls) console.log(call.name, call.args);
 * console.log(reply.text, reply.usage?.totalTokens, reply.finishReason);
 * ```
 */
export class AIMessage<M extends ResponseMetadata = ResponseMetadata, TC extends ToolCall = ToolCall> extends BaseMessage {
  readonly role = 'ai' as const;
  /** Token counts, when the provider reported them. */
  readonly usage: Usage | undefined;
  /**
   * Provider extras such as `citations`; an empty object when there are none. Typed by
   * the provider that made the message (every key optional: a key appears only when the
   * provider sent it); any other key reads as `unknown`.
   */
  readonly responseMetadata: M;
  /** Why the model stopped; `undefined` while a stream is still going. */
  readonly finishReason: FinishReason | undefined;
  /** The model's reasoning text (`reasoning_content`, thinking blocks), kept apart from `content`. */
  readonly reasoning: string | undefined;

  // `NoInfer`: the types come from the model (or are written out), never from the fields given.
  constructor(fields: MessageContent | AIMessageFields<NoInfer<M>, NoInfer<TC>> = '') {
    const f: AIMessageFields<M, TC> = isMessageContent(fields) ? { content: fields } : fields;
    super({ content: f.content ?? '', name: f.name, id: f.id });
    this.usage = f.usage === undefined ? undefined : Object.freeze({ ...f.usage });
    this.responseMetadata = freezeMetadata(f.responseMetadata);
    this.finishReason = f.finishReason;
    this.reasoning = f.reasoning;
    if (f.toolCalls?.length || f.invalidToolCalls?.length) {
      storedToolCalls.set(this, {
        toolCalls: Object.freeze((f.toolCalls ?? []).map((call) => Object.freeze({ ...call }))),
        invalidToolCalls: Object.freeze((f.invalidToolCalls ?? []).map((call) => Object.freeze({ ...call }))),
      });
    }
    if (new.target === AIMessage) Object.freeze(this);
  }

  /** The tools the model asked to call, with parsed arguments. */
  get toolCalls(): readonly TC[] {
    // `TC` is what the model that made the message says of its tools (see `ToolCall`), not checked here.
    return (storedToolCalls.get(this) ?? noToolCalls).toolCalls as readonly TC[];
  }

  /** Tool calls whose arguments could not be parsed, with the raw text kept. */
  get invalidToolCalls(): readonly InvalidToolCall[] {
    return (storedToolCalls.get(this) ?? noToolCalls).invalidToolCalls;
  }

  toJSON(): AIMessageJSON {
    return {
      role: this.role,
      ...baseMessageJSON(this),
      ...(this.toolCalls.length > 0 && { toolCalls: this.toolCalls }),
      ...(this.invalidToolCalls.length > 0 && { invalidToolCalls: this.invalidToolCalls }),
      ...aiExtrasJSON(this),
    };
  }
}

/** The JSON of the fields an `AIMessage` and an `AIMessageChunk` share beyond the base ones. */
export function aiExtrasJSON(
  message: AIMessage,
): Pick<AIMessageJSON, 'usage' | 'responseMetadata' | 'finishReason' | 'reasoning'> {
  return {
    ...(message.usage !== undefined && { usage: message.usage }),
    ...(Object.keys(message.responseMetadata).length > 0 && { responseMetadata: message.responseMetadata }),
    ...(message.finishReason !== undefined && { finishReason: message.finishReason }),
    ...(message.reasoning !== undefined && { reasoning: message.reasoning }),
  };
}

/**
 * Shorthand for `new AIMessage(...)`: pass the content, or all fields.
 *
 * @example
 * ```ts
 * ai('Paris is sunny.');
 * ai({ toolCalls: [{ id: 'call_1', name: 'weather', args: { city: 'Paris' } }] });
 * ```
 */
export function ai(content: MessageContent | AIMessageFields): AIMessage {
  return new AIMessage(content);
}
