import { InputError, isAIMessageChunk, type AIMessageChunk, type FinishReason, type ToolCallChunk } from '@rivulet/core';
import { isAgentPartLike, type AgentPartLike } from './agent-part-like.js';
import { uiFinishReason, type UIMessageChunk } from './ui-message-chunk.js';

/** A tool call being streamed: its id and name from the first fragment, its argument text so far. */
interface OpenCall {
  readonly id: string;
  readonly name: string;
  args: string;
}

/**
 * Turns the chunks of a run into the AI SDK's UI message stream parts, in
 * order: text deltas (strings, or a model reply's `content`) into one text
 * part, reasoning into a reasoning part before it, streamed tool-call
 * fragments into `tool-input-start`/`-delta` and, when the reply ends,
 * `tool-input-available` with the parsed input. One encoder per run.
 *
 * @internal
 */
export class UIStreamEncoder {
  #parts = 0;
  #text: string | undefined;
  #reasoning: string | undefined;
  #stepOpen = false;
  #calls = new Map<number, OpenCall>();
  /** Ids of an agent's tool calls already announced with `tool-input-start`. */
  #agentCalls = new Set<string>();
  #finishReason: FinishReason | undefined;

  /** The parts that open the message. */
  start(messageId: string): UIMessageChunk[] {
    return [{ type: 'start', messageId }];
  }

  /** The parts one chunk of the run adds. Throws `InputError` for a chunk the protocol cannot carry. */
  push(chunk: unknown): UIMessageChunk[] {
    if (typeof chunk === 'string') return chunk === '' ? [] : this.text(chunk);
    if (isAIMessageChunk(chunk)) return this.reply(chunk);
    if (isAgentPartLike(chunk)) return this.agentPart(chunk);
    throw new InputError(
      `The served runnable streamed ${chunk === null ? 'null' : typeof chunk === 'object' ? 'an object' : `a ${typeof chunk}`}, which the AI SDK chat protocol cannot carry: serve a runnable that streams text or model messages (a chat model, or a chain ending in one or in a text parser).`,
    );
  }

  /** The parts that close the message after the run completed. */
  end(): UIMessageChunk[] {
    return [...this.closeStep(), { type: 'finish', finishReason: uiFinishReason(this.#finishReason) }];
  }

  /** The parts that report a failed run. */
  fail(errorText: string): UIMessageChunk[] {
    return [...this.closeParts(), { type: 'error', errorText }];
  }

  private reply(chunk: AIMessageChunk): UIMessageChunk[] {
    const parts: UIMessageChunk[] = [];
    if (chunk.reasoning !== undefined && chunk.reasoning !== '') parts.push(...this.reasoning(chunk.reasoning));
    if (chunk.content !== '') parts.push(...this.text(chunk.content));
    for (const fragment of chunk.toolCallChunks) parts.push(...this.toolFragment(fragment));
    if (chunk.finishReason !== undefined) this.#finishReason = chunk.finishReason;
    return parts;
  }

  /** An agent's part: its steps, text, reasoning, tool calls and their results map one to one. */
  private agentPart(part: AgentPartLike): UIMessageChunk[] {
    switch (part.type) {
      case 'step-start':
        return [...this.closeStep(), ...this.openStep()];
      case 'text-delta':
        return part.text === '' ? [] : this.text(part.text);
      case 'reasoning-delta':
        return part.text === '' ? [] : this.reasoning(part.text);
      case 'tool-call-delta':
        return this.agentToolDelta(part.toolCallId, part.toolName, part.argsTextDelta);
      case 'tool-call':
        return this.agentToolCall(part.toolCallId, part.toolName, part.args);
      case 'tool-result':
        return part.isError
          ? [{ type: 'tool-output-error', toolCallId: part.toolCallId, errorText: typeof part.output === 'string' ? part.output : JSON.stringify(part.output) }]
          : [{ type: 'tool-output-available', toolCallId: part.toolCallId, output: part.output ?? null }];
      case 'step-finish':
        return this.closeStep();
      case 'finish':
        this.#finishReason = part.finishReason as FinishReason;
        return [];
      default:
        // The structured answer has no part in the chat protocol; its text streamed as tool input.
        return [];
    }
  }

  private agentToolDelta(toolCallId: string, toolName: string, delta: string): UIMessageChunk[] {
    const parts = this.openStep();
    if (!this.#agentCalls.has(toolCallId)) {
      this.#agentCalls.add(toolCallId);
      parts.push({ type: 'tool-input-start', toolCallId, toolName });
    }
    if (delta !== '') parts.push({ type: 'tool-input-delta', toolCallId, inputTextDelta: delta });
    return parts;
  }

  private agentToolCall(toolCallId: string, toolName: string, input: unknown): UIMessageChunk[] {
    const parts = this.#agentCalls.has(toolCallId) ? this.openStep() : this.agentToolDelta(toolCallId, toolName, '');
    parts.push({ type: 'tool-input-available', toolCallId, toolName, input });
    return parts;
  }

  private text(delta: string): UIMessageChunk[] {
    const parts = this.openStep();
    if (this.#reasoning !== undefined) parts.push(this.endReasoning(this.#reasoning));
    if (this.#text === undefined) {
      this.#text = this.nextId('text');
      parts.push({ type: 'text-start', id: this.#text });
    }
    parts.push({ type: 'text-delta', id: this.#text, delta });
    return parts;
  }

  private reasoning(delta: string): UIMessageChunk[] {
    const parts = this.openStep();
    if (this.#reasoning === undefined) {
      this.#reasoning = this.nextId('reasoning');
      parts.push({ type: 'reasoning-start', id: this.#reasoning });
    }
    parts.push({ type: 'reasoning-delta', id: this.#reasoning, delta });
    return parts;
  }

  private toolFragment(fragment: ToolCallChunk): UIMessageChunk[] {
    const parts = this.openStep();
    let call = this.#calls.get(fragment.index);
    if (call === undefined) {
      call = { id: fragment.id ?? this.nextId('call'), name: fragment.name ?? '', args: '' };
      this.#calls.set(fragment.index, call);
      parts.push({ type: 'tool-input-start', toolCallId: call.id, toolName: call.name });
    }
    if (fragment.argsText !== undefined && fragment.argsText !== '') {
      call.args += fragment.argsText;
      parts.push({ type: 'tool-input-delta', toolCallId: call.id, inputTextDelta: fragment.argsText });
    }
    return parts;
  }

  private openStep(): UIMessageChunk[] {
    if (this.#stepOpen) return [];
    this.#stepOpen = true;
    return [{ type: 'start-step' }];
  }

  /** Ends the step: open parts close, and each streamed tool call is announced with its parsed input. */
  private closeStep(): UIMessageChunk[] {
    if (!this.#stepOpen) return [];
    const parts = this.closeParts();
    for (const call of this.#calls.values()) parts.push(inputOf(call));
    this.#calls.clear();
    this.#stepOpen = false;
    parts.push({ type: 'finish-step' });
    return parts;
  }

  private closeParts(): UIMessageChunk[] {
    const parts: UIMessageChunk[] = [];
    if (this.#reasoning !== undefined) parts.push(this.endReasoning(this.#reasoning));
    if (this.#text !== undefined) {
      parts.push({ type: 'text-end', id: this.#text });
      this.#text = undefined;
    }
    return parts;
  }

  private endReasoning(id: string): UIMessageChunk {
    this.#reasoning = undefined;
    return { type: 'reasoning-end', id };
  }

  private nextId(kind: string): string {
    return `${kind}-${++this.#parts}`;
  }
}

/** A finished tool call's input, parsed; arguments that are not a JSON object are a `tool-input-error`. */
function inputOf(call: OpenCall): UIMessageChunk {
  try {
    const input: unknown = JSON.parse(call.args === '' ? '{}' : call.args);
    return { type: 'tool-input-available', toolCallId: call.id, toolName: call.name, input };
  } catch (error) {
    return { type: 'tool-input-error', toolCallId: call.id, toolName: call.name, input: call.args, errorText: `The tool input is not JSON: ${(error as Error).message}` };
  }
}
