/**
 * The events of Anthropic's Messages stream, as far as the mapping reads
 * them. Loose on purpose (optional, nullable fields; content blocks and deltas
 * of any `type`): the API adds block and delta types over time, and a stream
 * must survive them. A type test checks that every event the official SDK
 * declares fits these types.
 */
export type AnthropicStreamEvent =
  | MessageStartEvent
  | ContentBlockStartEvent
  | ContentBlockDeltaEvent
  | ContentBlockStopEvent
  | MessageDeltaEvent
  | MessageStopEvent
  | PingEvent
  | ErrorEvent;

/** Token counts as the wire reports them; in `message_delta` they are cumulative. */
export interface WireUsage {
  readonly input_tokens?: number | null;
  readonly output_tokens?: number | null;
  readonly cache_creation_input_tokens?: number | null;
  readonly cache_read_input_tokens?: number | null;
}

/** A content block as `content_block_start` announces it. */
export interface WireContentBlock {
  readonly type: string;
  readonly text?: string;
  readonly thinking?: string;
  readonly id?: string;
  readonly name?: string;
  readonly input?: unknown;
}

/** A piece of a content block. */
export interface WireDelta {
  readonly type: string;
  readonly text?: string;
  readonly thinking?: string;
  readonly partial_json?: string;
}

/** Opens the message: its id, model and the input token count. */
export interface MessageStartEvent {
  readonly type: 'message_start';
  readonly message: { readonly id?: string; readonly model?: string; readonly usage?: WireUsage };
}

/** Opens content block `index`: text, thinking, a tool call, or a kind the mapping ignores. */
export interface ContentBlockStartEvent {
  readonly type: 'content_block_start';
  readonly index: number;
  readonly content_block: WireContentBlock;
}

/** A piece of block `index`: `text_delta`, `thinking_delta`, `input_json_delta`, or another kind. */
export interface ContentBlockDeltaEvent {
  readonly type: 'content_block_delta';
  readonly index: number;
  readonly delta: WireDelta;
}

/** Closes block `index`. */
export interface ContentBlockStopEvent {
  readonly type: 'content_block_stop';
  readonly index: number;
}

/** The stop reason, and the output token count so far. */
export interface MessageDeltaEvent {
  readonly type: 'message_delta';
  readonly delta: { readonly stop_reason?: string | null; readonly stop_sequence?: string | null };
  readonly usage?: WireUsage;
}

/** The message is complete: the only event that says so. */
export interface MessageStopEvent {
  readonly type: 'message_stop';
}

/** Keeps the connection alive; may come anywhere. */
export interface PingEvent {
  readonly type: 'ping';
}

/** A failure mid-stream, e.g. `overloaded_error`. */
export interface ErrorEvent {
  readonly type: 'error';
  readonly error?: { readonly type?: string; readonly message?: string };
}
