/** A complete request from the model to call a tool. */
export interface ToolCall {
  /**
   * The provider's id for this call; a `ToolMessage` answers it with `toolCallId`.
   * `''` when the provider sent none (providers should then make one up).
   */
  readonly id: string;
  readonly name: string;
  /** The parsed arguments object. */
  readonly args: Readonly<Record<string, unknown>>;
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
