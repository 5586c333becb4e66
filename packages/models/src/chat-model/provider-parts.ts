import { Observable } from 'rxjs';
import { AbortError, fromAsyncIterable, TimeoutError } from '@rivulet/core';
import type { ChatModelProviderV1, ChatRequestV1, ChatStreamPartV1, SubscribableV1, UnsubscribableV1 } from '@rivulet/provider';
import { DEFAULT_IDLE_TIMEOUT_MS, IdleWatch } from './idle-timeout.js';
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
 * subscription ends early. Failures arrive as Rivulet errors; a provider
 * silent for `idleMs` (see `idleTimeout`; `0` or `Infinity` for no limit)
 * fails with `TimeoutError` (kind `idle`).
 *
 * The provider's own subscribable is subscribed to directly, and the idle
 * watch is counted here rather than in an operator: each layer between the
 * socket and the consumer is paid once per part.
 */
export function providerParts(provider: ChatModelProviderV1, request: Omit<ChatRequestV1, 'signal'>, idleMs = DEFAULT_IDLE_TIMEOUT_MS): Observable<ChatStreamPartV1> {
  return new Observable<ChatStreamPartV1>((subscriber) => {
    const controller = new AbortController();
    const watch = idleMs > 0 && Number.isFinite(idleMs) ? new IdleWatch(idleMs, () => subscriber.error(new TimeoutError({ timeoutMs: idleMs, kind: 'idle' }))) : undefined;
    let subscription: UnsubscribableV1 | undefined;
    try {
      const result = provider.doStream({ ...request, signal: controller.signal });
      const source = isSubscribable(result) ? result : fromAsyncIterable(result);
      subscription = source.subscribe({
        next(part) {
          if (watch !== undefined) watch.seen++;
          subscriber.next(part);
        },
        error: (error: unknown) => subscriber.error(controller.signal.aborted ? new AbortError() : toProviderError(error, provider.provider)),
        complete: () => subscriber.complete(),
      });
    } catch (error) {
      subscriber.error(toProviderError(error, provider.provider));
    }
    return () => {
      watch?.stop();
      subscription?.unsubscribe();
      // Also after a normal end: whatever the provider still listens with (a socket, a timer) is released.
      controller.abort(callEnded);
    };
  });
}

function isSubscribable<T>(value: AsyncIterable<T> | SubscribableV1<T>): value is SubscribableV1<T> {
  return typeof (value as Partial<SubscribableV1<T>>).subscribe === 'function';
}
