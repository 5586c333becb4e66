import { isObservable, Observable } from 'rxjs';
import { AbortError, fromAsyncIterable } from '@rivulet/core';
import type { ChatModelProviderV1 } from '../provider/v1/chat-model-provider.js';
import type { ChatRequestV1 } from '../provider/v1/chat-request.js';
import type { ChatStreamPartV1 } from '../provider/v1/chat-stream-part.js';
import { toProviderError } from './to-provider-error.js';

/**
 * One call to the provider, as an observable: each subscription sends the
 * request once, with a signal that aborts (closing the connection) when the
 * subscription ends early. Failures arrive as Rivulet errors.
 */
export function providerParts(provider: ChatModelProviderV1, request: Omit<ChatRequestV1, 'signal'>): Observable<ChatStreamPartV1> {
  return new Observable<ChatStreamPartV1>((subscriber) => {
    const controller = new AbortController();
    let source: Observable<ChatStreamPartV1>;
    try {
      const result = provider.doStream({ ...request, signal: controller.signal });
      source = isObservable(result) ? result : fromAsyncIterable(result);
    } catch (error) {
      subscriber.error(toProviderError(error, provider.provider));
      return;
    }
    const subscription = source.subscribe({
      next: (part) => subscriber.next(part),
      error: (error: unknown) => subscriber.error(controller.signal.aborted ? new AbortError() : toProviderError(error, provider.provider)),
      complete: () => subscriber.complete(),
    });
    return () => {
      subscription.unsubscribe();
      controller.abort();
    };
  });
}
