/** A tool call as Ollama sends it: whole, arguments as an object, no id. */
export interface OllamaWireToolCall {
  readonly function: {
    readonly name: string;
    /** `null` when a call has no arguments (Go marshals a nil map so). */
    readonly arguments: Readonly<Record<string, unknown>> | null;
    /** Position in the message; Ollama leaves it out for 0. */
    readonly index?: number | undefined;
  };
}

/**
 * One line of an `/api/chat` stream, as checked by `readChatLine`. Counts
 * and durations (nanoseconds) come on the `done` line only; Ollama leaves
 * out every zero value.
 */
export interface OllamaChatLine {
  readonly model?: string | undefined;
  readonly created_at?: string | undefined;
  readonly message?:
    | {
        readonly role?: string | undefined;
        readonly content?: string | undefined;
        readonly thinking?: string | undefined;
        readonly tool_calls?: readonly OllamaWireToolCall[] | null | undefined;
      }
    | undefined;
  readonly done: boolean;
  /** `stop`, `length`, `load`, `unload`, ... on the `done` line. */
  readonly done_reason?: string | undefined;
  readonly prompt_eval_count?: number | undefined;
  readonly eval_count?: number | undefined;
  readonly total_duration?: number | undefined;
  readonly load_duration?: number | undefined;
  readonly prompt_eval_duration?: number | undefined;
  readonly eval_duration?: number | undefined;
}
