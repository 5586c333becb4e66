import { Observable } from 'rxjs';
import { AbortError, fromAsyncIterable } from '@rivulet/core';
import type { ChatModelProviderV1, ChatRequestV1, ChatStreamPartV1, SubscribableV1 } from '@rivulet/provider';
import { toProviderError } from './to-provider-error.js';

/**
 * The reason a call's signal gives when the call is over. Shared: `abort()`
 * without a reason builds a `DOMException` with a stack trace on every model
 * call (6 % of an agent step's self time in a profile).
 */
const callEnded = new AbortError('The model call has ended.');

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
      source = isSubscribable(result) ? new Observable((observer) => result.subscribe(observer)) : fromAsyncIterable(result);
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
      // Also after a normal end: whatever the provider still listens with (a socket, a timer) is released.
      controller.abort(callEnded);
    };
  });
}

function isSubscribable<T>(value: AsyncIterable<T> | SubscribableV1<T>): value is SubscribableV1<T> {
  return typeof (value as Partial<SubscribableV1<T>>).subscribe === 'function';
}
