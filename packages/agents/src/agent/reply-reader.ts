import { Observable, type OperatorFunction } from 'rxjs';
import type { AIMessageChunk, ToolCallChunk } from '@rivulet/core';
import type { AgentPart } from './agent-parts.js';
import type { OutputTool } from './output-tool.js';
import { OUTPUT_TOOL_NAME } from './output-tool.js';

/** The call a fragment belongs to: providers name it on its first fragment only. */
interface OpenCall {
  id: string;
  name: string;
}

/**
 * Reads one model reply as it streams: turns each chunk into parts (text,
 * reasoning, argument fragments, or the structured answer so far) and keeps
 * the whole reply for the end of the step.
 */
export class ReplyReader {
  #reply: AIMessageChunk | undefined;
  readonly #calls = new Map<number, OpenCall>();
  #partial: unknown;

  constructor(
    private readonly step: number,
    private readonly output: OutputTool | undefined,
  ) {}

  /** The whole reply so far; `undefined` before the first chunk. */
  get reply(): AIMessageChunk | undefined {
    return this.#reply;
  }

  /** Folds in `chunk` and hands its parts to `emit`. */
  read(chunk: AIMessageChunk, emit: (part: AgentPart<unknown>) => void): void {
    this.#reply = this.#reply === undefined ? chunk : this.#reply.concat(chunk);
    const step = this.step;
    if (chunk.reasoning) emit({ type: 'reasoning-delta', step, text: chunk.reasoning });
    if (chunk.content) emit({ type: 'text-delta', step, text: chunk.content });
    for (const fragment of chunk.toolCallChunks) this.#readFragment(fragment, emit);
  }

  #readFragment(fragment: ToolCallChunk, emit: (part: AgentPart<unknown>) => void): void {
    const call = this.#callOf(fragment);
    if (this.output !== undefined && call.name === OUTPUT_TOOL_NAME) {
      // The answer's arguments stream as the answer itself, not as a tool call.
      const partial = fragment.partialArgs === undefined ? undefined : this.output.partial(fragment.partialArgs);
      if (partial !== undefined && partial !== this.#partial) emit({ type: 'partial-output', step: this.step, partial: (this.#partial = partial) });
      return;
    }
    emit({
      type: 'tool-call-delta',
      step: this.step,
      toolCallId: call.id,
      toolName: call.name,
      argsTextDelta: fragment.argsText ?? '',
      partialArgs: fragment.partialArgs,
    });
  }

  /** A fragment with an id opens (or continues) that call; one without continues the last call at its index. */
  #callOf(fragment: ToolCallChunk): OpenCall {
    const open = this.#calls.get(fragment.index);
    if (open !== undefined && (!fragment.id || !open.id || fragment.id === open.id)) {
      if (!open.id && fragment.id) open.id = fragment.id;
      if (!open.name && fragment.name) open.name = fragment.name;
      return open;
    }
    const call = { id: fragment.id ?? '', name: fragment.name ?? '' };
    this.#calls.set(fragment.index, call);
    return call;
  }
}

/** The parts of a model reply's chunks, as `reader` reads them. */
export function replyParts(reader: ReplyReader): OperatorFunction<AIMessageChunk, AgentPart<unknown>> {
  return (source) =>
    new Observable<AgentPart<unknown>>((subscriber) => {
      const emit = (part: AgentPart<unknown>): void => subscriber.next(part);
      return source.subscribe({
        next: (chunk) => reader.read(chunk, emit),
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });
    });
}
