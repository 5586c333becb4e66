import type { ChatStreamPartV1 } from '@rivulet/provider';
import { malformedEvent, type ErrorContext } from '@rivulet/provider-utils';
import type { ResponsesEnvelope, ResponsesEvent, ResponsesOutputItem, ResponsesPosition } from './responses-event.js';
import { responsesFinish, toUsage } from './responses-finish.js';

interface Call {
  /** The call id the model's later input refers to (`call_id`), which keys the tool-input parts. */
  readonly id: string;
  readonly itemId: string | undefined;
  readonly outputIndex: number | undefined;
  streamed: boolean;
  ended: boolean;
}

/**
 * Turns Responses streaming events into stream parts, one event at a time.
 * Function calls are keyed by their `call_id` (the id a tool result answers),
 * found again for each argument fragment by `item_id`. Reasoning summaries
 * and reasoning text are reasoning deltas, parts of it separated by a blank
 * line; a refusal streams as text and finishes as `content_filter`. Events
 * after the terminal one are ignored.
 */
export class ResponsesEventMapper {
  readonly #context: ErrorContext;
  readonly #calls: Call[] = [];
  #refused = false;
  #reasoningPart: string | undefined;
  #finished = false;

  constructor(context: ErrorContext) {
    this.#context = context;
  }

  /** True once `response.completed` or `response.incomplete` was mapped: later events are ignored. */
  get finished(): boolean {
    return this.#finished;
  }

  map(event: ResponsesEvent): ChatStreamPartV1[] {
    if (this.#finished) return [];
    switch (event.type) {
      case 'response.created': {
        const { id, model } = event.response;
        return [{ type: 'metadata', metadata: { ...(id != null && { id }), ...(model != null && { model }) } }];
      }
      case 'response.refusal.delta':
        this.#refused = true;
        return [{ type: 'text-delta', text: event.delta }];
      case 'response.output_text.delta':
        return [{ type: 'text-delta', text: event.delta }];
      case 'response.reasoning_summary_text.delta':
      case 'response.reasoning_text.delta':
        return this.#reasoning(event);
      case 'response.output_item.added':
        return event.item.type === 'function_call' ? this.#start(event, event.item) : [];
      case 'response.function_call_arguments.delta':
        return this.#delta(event, event.delta);
      case 'response.function_call_arguments.done':
        return this.#end(event, event.arguments);
      case 'response.output_item.done':
        return event.item.type === 'function_call' ? this.#end(event, event.item.arguments ?? '', event.item) : [];
      case 'response.completed':
      case 'response.incomplete':
        return this.#finish(event.type, event.response);
    }
  }

  /** The parts that close what the stream left open (calls of a stream that ended early). */
  end(): ChatStreamPartV1[] {
    return this.#calls.filter((call) => !call.ended).map((call) => this.#close(call));
  }

  #reasoning(event: ResponsesPosition & { readonly type: string; readonly delta: string }): ChatStreamPartV1[] {
    const part = `${event.type}:${event.item_id ?? ''}:${event.summary_index ?? event.content_index ?? ''}`;
    const separator = this.#reasoningPart !== undefined && part !== this.#reasoningPart ? '\n\n' : '';
    this.#reasoningPart = part;
    return [{ type: 'reasoning-delta', text: separator + event.delta }];
  }

  #start(at: ResponsesPosition, item: ResponsesOutputItem): ChatStreamPartV1[] {
    if (this.#find(at, item) !== undefined) return [];
    const call: Call = { id: item.call_id as string, itemId: item.id ?? at.item_id ?? undefined, outputIndex: at.output_index ?? undefined, streamed: false, ended: false };
    this.#calls.push(call);
    const parts: ChatStreamPartV1[] = [{ type: 'tool-input-start', id: call.id, name: item.name as string }];
    // Arguments already present when the item is added (servers that do not stream them) count as streamed.
    if (item.arguments) parts.push(...this.#delta(at, item.arguments, item));
    return parts;
  }

  #delta(at: ResponsesPosition, text: string, item?: ResponsesOutputItem): ChatStreamPartV1[] {
    const call = this.#find(at, item);
    if (call === undefined || call.ended) throw malformedEvent(this.#context, `arguments for a function call that is not open (${at.item_id ?? at.output_index})`);
    call.streamed = true;
    return text === '' ? [] : [{ type: 'tool-input-delta', id: call.id, delta: text }];
  }

  /** Ends a call; its whole arguments are sent now when none were streamed. A call never announced starts here. */
  #end(at: ResponsesPosition, args: string, item?: ResponsesOutputItem): ChatStreamPartV1[] {
    const existing = this.#find(at, item);
    if (existing?.ended) return [];
    const parts = existing === undefined && item !== undefined ? this.#start(at, item) : [];
    const call = this.#find(at, item);
    if (call === undefined) throw malformedEvent(this.#context, `the end of a function call that never started (${at.item_id ?? at.output_index})`);
    if (!call.streamed && args !== '') parts.push(...this.#delta(at, args, item));
    parts.push(this.#close(call));
    return parts;
  }

  #close(call: Call): ChatStreamPartV1 {
    call.ended = true;
    return { type: 'tool-input-end', id: call.id };
  }

  #find(at: ResponsesPosition, item?: ResponsesOutputItem): Call | undefined {
    const itemId = item?.id ?? at.item_id ?? undefined;
    const index = at.output_index ?? undefined;
    return this.#calls.find((call) =>
      itemId !== undefined && call.itemId !== undefined ? call.itemId === itemId : index !== undefined && call.outputIndex === index,
    );
  }

  #finish(type: 'response.completed' | 'response.incomplete', response: ResponsesEnvelope): ChatStreamPartV1[] {
    this.#finished = true;
    const parts = this.end();
    const { usage } = response;
    if (usage != null) parts.push({ type: 'usage', usage: toUsage(usage) });
    const outcome = { calledTools: this.#calls.length > 0, refused: this.#refused };
    parts.push(responsesFinish(type, response, outcome));
    return parts;
  }
}
