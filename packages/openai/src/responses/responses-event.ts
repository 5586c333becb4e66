/** An output item as far as the mapper reads it: its type, and for a function call its ids, name and arguments. */
export interface ResponsesOutputItem {
  readonly type: string;
  readonly id?: string | null | undefined;
  readonly call_id?: string | null | undefined;
  readonly name?: string | null | undefined;
  readonly arguments?: string | null | undefined;
}

/** Token counts as a lifecycle event's response reports them (the details are optional for compatible servers). */
export interface ResponsesUsage {
  readonly input_tokens: number;
  readonly output_tokens: number;
  readonly total_tokens?: number | null | undefined;
  readonly input_tokens_details?: { readonly cached_tokens?: number | null | undefined } | null | undefined;
  readonly output_tokens_details?: { readonly reasoning_tokens?: number | null | undefined } | null | undefined;
}

/** The response object of a lifecycle event, as far as the mapper reads it. */
export interface ResponsesEnvelope {
  readonly id?: string | null | undefined;
  readonly model?: string | null | undefined;
  readonly status?: string | null | undefined;
  readonly output?: readonly ResponsesOutputItem[] | undefined;
  readonly usage?: ResponsesUsage | null | undefined;
  readonly incomplete_details?: { readonly reason?: string | null | undefined } | null | undefined;
}

/** Where an event belongs: the output item's id and position, and the part within it. */
export interface ResponsesPosition {
  readonly item_id?: string | null | undefined;
  readonly output_index?: number | null | undefined;
  readonly summary_index?: number | null | undefined;
  readonly content_index?: number | null | undefined;
}

/**
 * The Responses API streaming events Rivulet maps, each with only the fields
 * it reads, checked by `readResponsesEvent` so the mapper can trust them.
 * Positions are optional: OpenAI always sends them, but the mapper needs
 * only what keys a function call (`item_id`, else `output_index`).
 */
export type ResponsesEvent =
  | { readonly type: 'response.created' | 'response.completed' | 'response.incomplete'; readonly response: ResponsesEnvelope }
  | (ResponsesPosition & { readonly type: 'response.output_text.delta' | 'response.refusal.delta'; readonly delta: string })
  | (ResponsesPosition & { readonly type: 'response.reasoning_summary_text.delta' | 'response.reasoning_text.delta'; readonly delta: string })
  | (ResponsesPosition & { readonly type: 'response.output_item.added' | 'response.output_item.done'; readonly item: ResponsesOutputItem })
  | (ResponsesPosition & { readonly type: 'response.function_call_arguments.delta'; readonly delta: string })
  | (ResponsesPosition & { readonly type: 'response.function_call_arguments.done'; readonly arguments: string });

/** The type names of {@link ResponsesEvent}. */
export type ResponsesEventType = ResponsesEvent['type'];
