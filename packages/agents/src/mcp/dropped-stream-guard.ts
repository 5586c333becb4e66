import { ErrorCode, type RequestId } from '@modelcontextprotocol/sdk/types.js';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import { SseAnswerWatch } from './sse-answer-watch.js';

/** The message of the error answer given to a request whose stream dropped. */
export const DROPPED_STREAM_MESSAGE = 'The connection to the MCP server dropped before it answered.';

/**
 * A `fetch` for the SDK's Streamable HTTP transport that turns a dropped
 * response stream into an answer. The SDK waits, until its request timeout
 * (60 s by default), for the answer to a request whose event stream broke or
 * ended early, unless the server made the stream resumable. Here, such a
 * stream ends instead with an error answer (`ConnectionClosed`) to each
 * request it still owed, so the caller learns of the loss at once and only
 * that request fails. Streams the SDK aborted itself end as they did.
 */
export function guardDroppedStreams(base: FetchLike): FetchLike {
  return async (url, init) => {
    const response = await base(url, init);
    const ids = requestIds(init);
    const eventStream = response.headers.get('content-type')?.includes('text/event-stream') ?? false;
    if (ids.length === 0 || !response.ok || response.body === null || !eventStream) return response;
    return new Response(answerWhenDropped(response.body, ids, init?.signal ?? undefined), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

/** `body`, ended by an error answer for each request in `ids` it did not answer. */
export function answerWhenDropped(body: ReadableStream<Uint8Array>, ids: readonly RequestId[], signal?: AbortSignal): ReadableStream<Uint8Array> {
  const watch = new SseAnswerWatch(ids);
  const reader = body.getReader();
  const end = (controller: ReadableStreamDefaultController<Uint8Array>): void => {
    const owed = watch.unanswered();
    if (owed.length > 0) controller.enqueue(new TextEncoder().encode(owed.map(droppedAnswer).join('')));
    controller.close();
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let read: ReadableStreamReadResult<Uint8Array>;
      try {
        read = await reader.read();
      } catch (error) {
        if (signal?.aborted) controller.error(error);
        else end(controller);
        return;
      }
      if (read.done) return end(controller);
      watch.push(read.value);
      controller.enqueue(read.value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

/** One SSE event with the error answer; the blank lines first end any event the drop cut in half. */
function droppedAnswer(id: RequestId): string {
  const answer = { jsonrpc: '2.0', id, error: { code: ErrorCode.ConnectionClosed, message: DROPPED_STREAM_MESSAGE } };
  return `\n\nevent: message\ndata: ${JSON.stringify(answer)}\n\n`;
}

/** The ids of the JSON-RPC requests in a POST body (the SDK sends its messages as a JSON string). */
function requestIds(init: RequestInit | undefined): RequestId[] {
  if (init?.method !== 'POST' || typeof init.body !== 'string') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(init.body);
  } catch {
    return [];
  }
  const messages: unknown[] = Array.isArray(parsed) ? parsed : [parsed];
  return messages.flatMap((message) => {
    if (typeof message !== 'object' || message === null || !('method' in message) || !('id' in message)) return [];
    const { id } = message;
    return typeof id === 'string' || typeof id === 'number' ? [id] : [];
  });
}
