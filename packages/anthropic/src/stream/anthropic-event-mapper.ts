import type { ChatStreamPartV1 } from '@rivulet/provider';
import type { ErrorContext } from '@rivulet/provider-utils';
import { fromErrorEvent } from '../errors/from-error-event.js';
import type { AnthropicStreamEvent, ContentBlockStartEvent, WireDelta, WireUsage } from './anthropic-stream-event.js';
import { toFinishReason } from './to-finish-reason.js';
import { accumulateUsage, toUsage } from './to-usage.js';

/** What a content block turned out to be, by its index in the message. */
type Block =
  | { readonly kind: 'text' | 'thinking' | 'ignored' }
  | { readonly kind: 'tool'; readonly id: string; readonly input: unknown; streamed: boolean }
  | { readonly kind: 'format'; readonly input: unknown; streamed: boolean };

/**
 * Turns Anthropic's stream events into stream parts, one event at a time.
 * Stateful per response: it knows each content block's kind by index; a
 * `tool_use` block is a tool call keyed by the block's id (`tool-input-start`
 * at its start, `tool-input-delta` per `input_json_delta`, `tool-input-end`
 * at its stop); it keeps the usage totals, and holds the stop reason from
 * `message_delta` until `message_stop`, the only event that says the message
 * is complete. A stream that ends before it therefore has no finish part, and
 * `ChatModel` reports it as truncated.
 */
export class AnthropicEventMapper {
  readonly #context: ErrorContext;
  readonly #formatTool: string | undefined;
  readonly #blocks = new Map<number, Block>();
  #toolCalls = 0;
  #usage: WireUsage = {};
  #stopReason: string | undefined;
  #answeredWithFormatTool = false;

  /** `formatTool` names the tool standing in for a JSON Schema response format: its input streams as text. */
  constructor(context: ErrorContext, formatTool?: string) {
    this.#context = context;
    this.#formatTool = formatTool;
  }

  /** The parts one event adds; an `error` event throws its `ProviderError`. */
  map(event: AnthropicStreamEvent): ChatStreamPartV1[] {
    switch (event.type) {
      case 'message_start': {
        const { id, model, usage } = event.message;
        const metadata = { ...(typeof id === 'string' && { id }), ...(typeof model === 'string' && { model }) };
        return [{ type: 'metadata', metadata }, ...this.#usageParts(usage)];
      }
      case 'content_block_start':
        return this.#start(event);
      case 'content_block_delta':
        return this.#delta(event.index, event.delta);
      case 'content_block_stop':
        return this.#stop(event.index);
      case 'message_delta':
        this.#stopReason = event.delta.stop_reason ?? this.#stopReason;
        return [
          ...(event.delta.stop_sequence ? [{ type: 'metadata' as const, metadata: { stopSequence: event.delta.stop_sequence } }] : []),
          ...this.#usageParts(event.usage),
        ];
      case 'message_stop': {
        const reason = toFinishReason(this.#stopReason, this.#answeredWithFormatTool && this.#toolCalls === 0);
        return [{ type: 'finish', reason, rawReason: this.#stopReason }];
      }
      case 'error':
        throw fromErrorEvent(event, this.#context);
      default:
        // `ping`, and event types added to the API after this was written.
        return [];
    }
  }

  #start({ index, content_block: block }: ContentBlockStartEvent): ChatStreamPartV1[] {
    if (block.type === 'text' || block.type === 'thinking') {
      this.#blocks.set(index, { kind: block.type });
      return this.#delta(index, block.type === 'text' ? { type: 'text_delta', text: block.text ?? '' } : { type: 'thinking_delta', thinking: block.thinking ?? '' });
    }
    if (block.type !== 'tool_use') {
      // Server tools, their results, redacted thinking: nothing a Rivulet message holds.
      this.#blocks.set(index, { kind: 'ignored' });
      return [];
    }
    if (block.name !== undefined && block.name === this.#formatTool) {
      this.#answeredWithFormatTool = true;
      this.#blocks.set(index, { kind: 'format', input: block.input, streamed: false });
      return [];
    }
    // The API always names its blocks; a made-up id keeps a nameless one apart from the others.
    const id = block.id || `toolu_block_${index}`;
    this.#toolCalls += 1;
    this.#blocks.set(index, { kind: 'tool', id, input: block.input, streamed: false });
    return [{ type: 'tool-input-start', id, name: block.name ?? '' }];
  }

  #delta(index: number, delta: WireDelta): ChatStreamPartV1[] {
    const block = this.#blocks.get(index);
    if (delta.type === 'text_delta' && block?.kind === 'text' && delta.text) return [{ type: 'text-delta', text: delta.text }];
    if (delta.type === 'thinking_delta' && block?.kind === 'thinking' && delta.thinking) return [{ type: 'reasoning-delta', text: delta.thinking }];
    // The first `input_json_delta` of a call is often empty; it carries nothing.
    if (delta.type !== 'input_json_delta' || !delta.partial_json) return [];
    if (block?.kind === 'tool') {
      block.streamed = true;
      return [{ type: 'tool-input-delta', id: block.id, delta: delta.partial_json }];
    }
    if (block?.kind === 'format') {
      block.streamed = true;
      return [{ type: 'text-delta', text: delta.partial_json }];
    }
    return [];
  }

  /** Ends a tool call; an input that came whole in `content_block_start` (no deltas) is sent first. */
  #stop(index: number): ChatStreamPartV1[] {
    const block = this.#blocks.get(index);
    if (block?.kind !== 'tool' && block?.kind !== 'format') return [];
    const whole = !block.streamed && hasKeys(block.input) ? JSON.stringify(block.input) : undefined;
    if (block.kind === 'format') return whole === undefined ? [] : [{ type: 'text-delta', text: whole }];
    return [...(whole === undefined ? [] : [{ type: 'tool-input-delta' as const, id: block.id, delta: whole }]), { type: 'tool-input-end', id: block.id }];
  }

  #usageParts(report: WireUsage | null | undefined): ChatStreamPartV1[] {
    if (report === undefined || report === null) return [];
    this.#usage = accumulateUsage(this.#usage, report);
    return [{ type: 'usage', usage: toUsage(this.#usage) }];
  }
}

function hasKeys(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.keys(value).length > 0;
}
