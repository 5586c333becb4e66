import type { ResponseMetadata, ToolCall } from '@rivulet/core';
import type { ChatModel } from './chat-model.js';

/** What a model's `invoke` resolves to: its reply type. */
type ReplyOf<Model> = Model extends { invoke(...args: never[]): Promise<infer Reply> } ? Reply : never;

/** The `responseMetadata` type of a model's replies. */
type MetadataOf<Model> = ReplyOf<Model> extends { readonly responseMetadata: infer M extends ResponseMetadata } ? M : ResponseMetadata;

/** The tool-call type of a model's replies. */
type CallsOf<Model> = ReplyOf<Model> extends { readonly toolCalls: readonly (infer Calls extends ToolCall)[] } ? Calls : ToolCall;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** What a subclass adds to `ChatModel` (`FakeChatModel`'s `requests`), kept through a change of types. */
type ModelExtras<Model> = Omit<Model, keyof ChatModel>;

/**
 * `Model` with replies whose `toolCalls` are `Calls`: `Model` itself when
 * they already are, else a `ChatModel` of its metadata type and `Calls`
 * (with what the subclass adds), since a class cannot be re-parameterised
 * from the outside. At run time it is still of `Model`'s class.
 *
 * @example
 * ```ts
 * const withTools: WithToolCalls<OpenAIChatModel, ToolCallOf<typeof weather>> = model.bindTools([weather]);
 * ```
 */
export type WithToolCalls<Model, Calls extends ToolCall> =
  Same<CallsOf<Model>, Calls> extends true
    ? Model
    : [keyof ModelExtras<Model>] extends [never]
      ? ChatModel<MetadataOf<Model>, Calls>
      : ModelExtras<Model> & ChatModel<MetadataOf<Model>, Calls>;

/** The tool-call type of `Model`'s replies, as `bindTools` reads it. */
export type ModelToolCalls<Model> = CallsOf<Model>;
