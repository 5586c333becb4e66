import type { Runnable } from '@rivulet/core';
import { catchError, concat, defer, mergeMap, of, type Observable } from 'rxjs';
import type { HandlerSettings } from '../handler/handler-options.js';
import type { Route } from '../handler/route.js';
import { sseResponse } from '../sse/sse-response.js';
import { errorToJSON } from '../wire/error-to-json.js';
import { mergeUIChunks } from './merge-ui-chunks.js';
import { readChatRequest } from './read-chat-request.js';
import type { UIMessageChunk } from './ui-message-chunk.js';
import { UIStreamEncoder } from './ui-stream-encoder.js';

/** What goes out: a UI message stream part, or the stream's final `[DONE]`. */
type Item = UIMessageChunk | 'done';

/** Headers the AI SDK's transport checks for. */
const uiStreamHeaders = { 'x-vercel-ai-ui-message-stream': 'v1' } as const;

/**
 * `POST {base}/chat` for `createHandler(r, { protocol: 'ai-sdk-ui' })`: the
 * AI SDK's UI messages in, the runnable's reply out as a UI message stream
 * (`data: {part}` events, then `data: [DONE]`), so `useChat` with its
 * `DefaultChatTransport` can use the runnable as its backend. A client that
 * disconnects (or `useChat`'s `stop()`) cancels the run; a slow one gets
 * text deltas joined rather than a growing buffer.
 */
export function chatRoute<I, O, C>(runnable: Runnable<I, O, C>, settings: HandlerSettings<I>): Route {
  return async (request) => {
    const { messages, messageId } = await readChatRequest(request, settings.maxBodyBytes);
    const items: Observable<Item> = defer(() => {
      const encoder = new UIStreamEncoder();
      return concat(
        of(...encoder.start(messageId)),
        runnable.stream(messages as I).pipe(mergeMap((chunk) => encoder.push(chunk))),
        defer(() => of(...encoder.end())),
      ).pipe(catchError((error: unknown) => of(...encoder.fail(errorToJSON(error, settings.debug).message))));
    });
    return sseResponse<Item>(
      {
        items: concat(items, of<Item>('done')),
        merge: mergeUIChunks,
        format: (item) => `data: ${item === 'done' ? '[DONE]' : JSON.stringify(item)}\n\n`,
        failure: (error) => `data: ${JSON.stringify({ type: 'error', errorText: errorToJSON(error, settings.debug).message })}\n\ndata: [DONE]\n\n`,
      },
      { heartbeatMs: settings.heartbeatMs, signal: request.signal, headers: uiStreamHeaders },
    );
  };
}
