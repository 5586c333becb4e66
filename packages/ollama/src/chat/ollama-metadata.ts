import type { ChatResponseMetadata } from '@rivulet/models';

/**
 * The `responseMetadata` of `OllamaChatModel`'s replies, from the stream's
 * last line: the `model` that answered, when (`createdAt`, ISO 8601), the
 * raw `finishReason` (`stop`, `length`, `load`, ...) and the server's timings
 * in nanoseconds (Ollama leaves out the zero ones). Ollama gives no response id.
 *
 * @example
 * ```ts
 * const { responseMetadata: meta, usage } = await llama.invoke('Why is the sky blue?');
 * if (meta.evalDuration && usage) console.log(`${(usage.outputTokens / meta.evalDuration) * 1e9} tokens/s`);
 * ```
 */
export interface OllamaMetadata extends ChatResponseMetadata {
  readonly createdAt?: string | undefined;
  /** The whole request, loading the model included. */
  readonly totalDuration?: number | undefined;
  /** Loading the model into memory. */
  readonly loadDuration?: number | undefined;
  /** Reading the prompt. */
  readonly promptEvalDuration?: number | undefined;
  /** Writing the reply. */
  readonly evalDuration?: number | undefined;
}
