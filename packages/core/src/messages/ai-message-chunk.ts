import { aiExtrasJSON, AIMessage, type AIMessageFields, type AIMessageJSON } from './ai-message.js';
import { baseMessageJSON } from './base-message.js';
import { freezeToolCallChunks, mergeToolCallChunks } from './merge-tool-call-chunks.js';
import { parseToolCallChunks, type ParsedToolCalls } from './parse-tool-call-chunks.js';
import { mergeMetadata, type ResponseMetadata } from './response-metadata.js';
import type { InvalidToolCall, ToolCall, ToolCallChunk } from './tool-call.js';
import { mergeUsage } from './usage.js';

/** Marks chunks, looked up with `in` so it works across copies of the package. */
const chunkMarker: unique symbol = Symbol.for('rivulet.message.ai-chunk');

/** Fields of an {@link AIMessageChunk}: a text delta plus tool-call fragments. */
export interface AIMessageChunkFields<M extends ResponseMetadata = ResponseMetadata>
  extends Omit<AIMessageFields<M>, 'content' | 'toolCalls' | 'invalidToolCalls'> {
  readonly content?: string | undefined;
  readonly toolCallChunks?: readonly ToolCallChunk[] | undefined;
}

/** JSON shape of an {@link AIMessageChunk}; `chunk: true` tells it from an `AIMessage`. */
export interface AIMessageChunkJSON extends Omit<AIMessageJSON, 'toolCalls' | 'invalidToolCalls'> {
  readonly chunk: true;
  readonly content: string;
  readonly toolCallChunks?: readonly ToolCallChunk[];
}

// Chunks are immutable, so tool calls are parsed at most once per chunk, on first access.
// `concat` never reads them, which keeps folding n chunks linear. A map rather than a
// private field, which would make the class nominal across package copies.
const parsedCalls = new WeakMap<AIMessageChunk, ParsedToolCalls>();

/**
 * A piece of a streamed model reply. `a.concat(b)` joins two pieces; folding a whole stream
 * gives the full reply, which is an `AIMessage` too.
 *
 * Concatenation rules:
 * - `content` and `reasoning` concatenate; `name` and `id` keep the first defined value;
 * - tool-call fragments merge by `index` (see `toolCallChunks`);
 * - `usage`: per field, the later defined value wins (usage is a running total, not a delta);
 * - `responseMetadata`: shallow merge, later keys win, arrays are replaced;
 * - `finishReason`: the last defined one.
 *
 * `M` and `TC` type the `responseMetadata` and `toolCalls`, as on {@link AIMessage}.
 *
 * @example
 * ```ts
 * let reply: AIMessageChunk | undefined;
 * for await (const chunk of model.stream(messages)) reply = reply ? reply.concat(chunk) : chunk;
 * console.log(reply?.text, reply?.toolCalls);
 * ```
 */
export class AIMessageChunk<M extends ResponseMetadata = ResponseMetadata, TC extends ToolCall = ToolCall> extends AIMessage<M, TC> {
  declare readonly content: string;
  /**
   * Tool-call fragments. On a chunk from a provider, the raw fragments; on a concatenation,
   * one entry per call with its argument text assembled so far.
   */
  readonly toolCallChunks: readonly ToolCallChunk[];

  static {
    Object.defineProperty(this.prototype, chunkMarker, { value: true });
  }

  constructor(fields: string | AIMessageChunkFields<NoInfer<M>> = '') {
    // No copy of the fields: a streamed reply makes one chunk per few characters.
    const f: AIMessageChunkFields<NoInfer<M>> = typeof fields === 'string' ? { content: fields } : fields;
    super(f);
    this.toolCallChunks = freezeToolCallChunks(f.toolCallChunks);
    if (new.target === AIMessageChunk) Object.freeze(this);
  }

  /**
   * The complete tool calls: those whose arguments parse as a JSON object. Before the
   * message has a `finishReason`, calls still being written are left out.
   */
  override get toolCalls(): readonly TC[] {
    return parsedOf(this).toolCalls as readonly TC[];
  }

  /** Calls whose arguments did not parse once the message finished, with their raw text. */
  override get invalidToolCalls(): readonly InvalidToolCall[] {
    return parsedOf(this).invalidToolCalls;
  }

  /** A new chunk with `other` appended to this one; neither is changed. */
  concat(other: AIMessageChunk<M, TC>): AIMessageChunk<M, TC> {
    return new AIMessageChunk<M, TC>({
      content: this.content + other.content,
      name: this.name ?? other.name,
      id: this.id ?? other.id,
      toolCallChunks: mergeToolCallChunks(this.toolCallChunks, other.toolCallChunks),
      usage: mergeUsage(this.usage, other.usage),
      responseMetadata: mergeMetadata(this.responseMetadata, other.responseMetadata),
      finishReason: other.finishReason ?? this.finishReason,
      reasoning: this.reasoning === undefined ? other.reasoning : this.reasoning + (other.reasoning ?? ''),
    });
  }

  override toJSON(): AIMessageChunkJSON {
    return {
      role: this.role,
      chunk: true,
      ...baseMessageJSON(this),
      content: this.content,
      ...(this.toolCallChunks.length > 0 && { toolCallChunks: this.toolCallChunks }),
      ...aiExtrasJSON(this),
    };
  }
}

function parsedOf(chunk: AIMessageChunk): ParsedToolCalls {
  let parsed = parsedCalls.get(chunk);
  if (parsed === undefined) {
    // Merging into nothing normalises raw fragments that share an index within one chunk.
    const calls = mergeToolCallChunks([], chunk.toolCallChunks);
    parsed = parseToolCallChunks(calls, chunk.finishReason !== undefined);
    parsedCalls.set(chunk, parsed);
  }
  return parsed;
}

/** True when `value` is an {@link AIMessageChunk} from any copy of `@rivulet/core`. */
export function isAIMessageChunk(value: unknown): value is AIMessageChunk {
  return typeof value === 'object' && value !== null && chunkMarker in value;
}
