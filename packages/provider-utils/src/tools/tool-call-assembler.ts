import type { ChatStreamPartV1 } from '@rivulet/provider';

/** A fragment of a tool call as index-keyed wire formats (Chat Completions and its kin) stream it. */
export interface IndexedToolCallFragment {
  /** Which choice the call belongs to. Default 0. */
  readonly choice?: number | undefined;
  /** The call's position within the message. */
  readonly index: number;
  readonly id?: string | null | undefined;
  readonly name?: string | null | undefined;
  readonly argsText?: string | null | undefined;
}

interface OpenCall {
  readonly choice: number;
  readonly index: number;
  id: string | undefined;
  name: string | undefined;
  /** Argument text received before the name, sent once the call can start. */
  held: string;
  started: boolean;
}

/**
 * Turns index-keyed tool-call fragments into the contract's
 * `tool-input-start` / `tool-input-delta` / `tool-input-end` parts, keyed by
 * id. A fragment with a new id at an index starts a new call; a call starts
 * once its name is known (argument text before that is held); a call without
 * an id gets a made-up one, unique in the response. `finish` ends a choice's
 * calls, `finishAll` every call still open (at the end of the stream).
 *
 * @example
 * ```ts
 * const calls = new ToolCallAssembler();
 * for (const call of delta.tool_calls ?? []) parts.push(...calls.push({ index: call.index, id: call.id, name: call.function?.name, argsText: call.function?.arguments }));
 * if (finishReason) parts.push(...calls.finish(0));
 * ```
 */
export class ToolCallAssembler {
  readonly #open: OpenCall[] = [];
  #madeUp = 0;

  /** The parts `fragment` adds. */
  push(fragment: IndexedToolCallFragment): ChatStreamPartV1[] {
    const choice = fragment.choice ?? 0;
    const parts: ChatStreamPartV1[] = [];
    let call = this.#open.find((open) => open.choice === choice && open.index === fragment.index);
    if (call !== undefined && fragment.id && call.id !== undefined && fragment.id !== call.id) {
      parts.push(...this.#end(call));
      call = undefined;
    }
    if (call === undefined) {
      call = { choice, index: fragment.index, id: fragment.id ?? undefined, name: undefined, held: '', started: false };
      this.#open.push(call);
    }
    call.id ??= fragment.id ?? undefined;
    if (fragment.name && !call.started) call.name = fragment.name;
    const text = fragment.argsText ?? '';
    if (!call.started && call.name !== undefined) {
      call.started = true;
      call.id ??= `call_${choice}_${fragment.index}_${this.#madeUp++}`;
      parts.push({ type: 'tool-input-start', id: call.id, name: call.name, ...(choice !== 0 && { choice }) });
      if (call.held !== '') parts.push(delta(call, call.held));
      call.held = '';
    }
    if (text !== '') {
      if (call.started) parts.push(delta(call, text));
      else call.held += text;
    }
    return parts;
  }

  /** Ends the open calls of `choice` (its finish reason arrived). */
  finish(choice = 0): ChatStreamPartV1[] {
    return this.#open.filter((call) => call.choice === choice).flatMap((call) => this.#end(call));
  }

  /** Ends every open call (the stream ended). */
  finishAll(): ChatStreamPartV1[] {
    return [...this.#open].flatMap((call) => this.#end(call));
  }

  #end(call: OpenCall): ChatStreamPartV1[] {
    this.#open.splice(this.#open.indexOf(call), 1);
    if (!call.started) {
      // A call whose name never came: it still happened, so it surfaces (as an invalid call downstream).
      call.id ??= `call_${call.choice}_${call.index}_${this.#madeUp++}`;
      const start: ChatStreamPartV1 = { type: 'tool-input-start', id: call.id, name: '', ...(call.choice !== 0 && { choice: call.choice }) };
      return call.held === '' ? [start, end(call)] : [start, delta(call, call.held), end(call)];
    }
    return [end(call)];
  }
}

function delta(call: OpenCall, text: string): ChatStreamPartV1 {
  return { type: 'tool-input-delta', id: call.id as string, delta: text, ...(call.choice !== 0 && { choice: call.choice }) };
}

function end(call: OpenCall): ChatStreamPartV1 {
  return { type: 'tool-input-end', id: call.id as string, ...(call.choice !== 0 && { choice: call.choice }) };
}
