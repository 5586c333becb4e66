import { splitText } from '@rivulet/provider-utils/testing';
import type { ResolvedToolCall } from '../resolve-choices.js';
import type { ResponsePlan } from './plan-response.js';

/** A Responses streaming event before it is numbered. */
export type ResponseEventFields = { readonly type: string } & Record<string, unknown>;

type Fields = ResponseEventFields;

/** The output items of a response: the events that stream them, and the finished items. */
export interface ResponseOutput {
  readonly events: readonly Fields[];
  readonly items: readonly object[];
}

/**
 * The output items of a plan in OpenAI's order, reasoning summary, message
 * text, function calls, each opened by `output_item.added`, streamed in
 * `chunkSize` deltas and closed by its `.done` events and `output_item.done`.
 * A reply with neither text nor calls still has an (empty) message.
 */
export function responseOutput(plan: ResponsePlan): ResponseOutput {
  const events: Fields[] = [];
  const items: object[] = [];
  const add = (built: { events: Fields[]; done: object }): void => {
    events.push(...built.events);
    items.push(built.done);
  };
  const { choice } = plan;
  if (choice.reasoning !== '') add(reasoningItem(plan, items.length));
  if (choice.text !== '' || choice.toolCalls.length === 0) add(messageItem(plan, items.length));
  choice.toolCalls.forEach((call, n) => add(functionCallItem(plan, items.length, call, n)));
  return { events, items };
}

function reasoningItem(plan: ResponsePlan, outputIndex: number): { events: Fields[]; done: object } {
  const id = `rs_mock${plan.index}`;
  const text = plan.choice.reasoning;
  const at = { item_id: id, output_index: outputIndex, summary_index: 0 };
  const done = { id, type: 'reasoning', summary: [{ type: 'summary_text', text }] };
  return {
    done,
    events: [
      { type: 'response.output_item.added', output_index: outputIndex, item: { id, type: 'reasoning', summary: [] } },
      { type: 'response.reasoning_summary_part.added', ...at, part: { type: 'summary_text', text: '' } },
      ...splitText(text, plan.chunkSize).map((delta) => ({ type: 'response.reasoning_summary_text.delta', ...at, delta })),
      { type: 'response.reasoning_summary_text.done', ...at, text },
      { type: 'response.reasoning_summary_part.done', ...at, part: { type: 'summary_text', text } },
      { type: 'response.output_item.done', output_index: outputIndex, item: done },
    ],
  };
}

function messageItem(plan: ResponsePlan, outputIndex: number): { events: Fields[]; done: object } {
  const id = `msg_mock${plan.index}`;
  const text = plan.choice.text;
  const at = { item_id: id, output_index: outputIndex, content_index: 0 };
  const part = (partText: string) => ({ type: 'output_text', annotations: [], logprobs: [], text: partText });
  const message = (status: string, content: object[]) => ({ id, type: 'message', status, content, role: 'assistant' });
  const done = message(plan.incomplete === undefined ? 'completed' : 'incomplete', [part(text)]);
  return {
    done,
    events: [
      { type: 'response.output_item.added', output_index: outputIndex, item: message('in_progress', []) },
      { type: 'response.content_part.added', ...at, part: part('') },
      ...splitText(text, plan.chunkSize).map((delta) => ({ type: 'response.output_text.delta', ...at, delta, logprobs: [] })),
      { type: 'response.output_text.done', ...at, text, logprobs: [] },
      { type: 'response.content_part.done', ...at, part: part(text) },
      { type: 'response.output_item.done', output_index: outputIndex, item: done },
    ],
  };
}

function functionCallItem(plan: ResponsePlan, outputIndex: number, call: ResolvedToolCall, n: number): { events: Fields[]; done: object } {
  const id = `fc_mock${plan.index}_${n}`;
  const item = (status: string, args: string) => ({ id, type: 'function_call', status, arguments: args, call_id: call.id, name: call.name });
  const at = { item_id: id, output_index: outputIndex };
  const done = item('completed', call.arguments);
  return {
    done,
    events: [
      { type: 'response.output_item.added', output_index: outputIndex, item: item('in_progress', '') },
      ...splitText(call.arguments, plan.chunkSize).map((delta) => ({ type: 'response.function_call_arguments.delta', ...at, delta })),
      { type: 'response.function_call_arguments.done', ...at, name: call.name, arguments: call.arguments },
      { type: 'response.output_item.done', output_index: outputIndex, item: done },
    ],
  };
}
