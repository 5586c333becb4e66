/**
 * A complete request from the model to call a tool. `Name` and `Args` narrow it to one
 * tool: a chat model with tools bound by `bindTools` types its replies' `toolCalls` as
 * a union of `ToolCall<'weather', { city: string }> | ...`, discriminated by `name`.
 *
 * @example
 * ```ts
 * for (const call of reply.toolCalls) {
 *   if (call.name === 'weather') console.log(call.args.city); // typed by the tool's schema
 * }
 * ```
 */
export interface ToolCall<Name extends string = string, Args extends Readonly<Record<string, unknown>> = Readonly<Record<string, unknown>>> {
  /**
   * The provider's id for this call; a `ToolMessage` answers it with `toolCallId`.
   * `''` when the provider sent none (providers should then make one up).
   */
  readonly id: string;
  readonly name: Name;
  /**
   * The parsed arguments object: what the model wrote, parsed as JSON. A type narrower
   * than a record comes from the bound tool's schema and is not checked at run time;
   * `executeToolCalls` validates the arguments before running a tool.
   */
  readonly args: Args;
}

/** A tool call whose arguments could not be used (not JSON, not an object, or no tool name). */
export interface InvalidToolCall {
  readonly id?: string;
  readonly name?: string;
  /** The raw argument text exactly as the model produced it. */
  readonly argsText: string;
  /** Why the call is invalid. */
  readonly error: string;
}

/**
 * A streamed fragment of a tool call. Fragments with the same `index` belong to one call
 * and their `argsText` concatenate, unless they carry different ids (see `AIMessageChunk.concat`).
 */
export interface ToolCallChunk {
  /** Position of the call within the message, as the provider numbers it. */
  readonly index: number;
  // `| undefined` lets a provider copy possibly-missing wire fields without spreading.
  readonly id?: string | undefined;
  readonly name?: string | undefined;
  /** A fragment of the arguments' JSON text; it may split anywhere, even inside a string. */
  readonly argsText?: string | undefined;
  /**
   * The arguments parsed so far, as an immutable snapshot: set by a chat model
   * with bound tools while the call streams, so a UI can show them filling in.
   */
  readonly partialArgs?: Readonly<Record<string, unknown>> | undefined;
}
