import { Observable } from 'rxjs';
import type { ChatModelProviderV1, ChatStreamPartV1 } from '@rivulet/provider';

/**
 * A Rivulet provider that streams a fixed list of text deltas, then a finish,
 * synchronously in one loop. `FakeChatModel` would do, but its provider emits
 * each part from inside the previous part's callback, so a reply of more than
 * a few thousand chunks overflows the stack (reported in docs/performance.md).
 */
export function scriptedProvider(deltas: readonly string[]): ChatModelProviderV1 {
  return {
    specificationVersion: 'v1',
    provider: 'bench',
    modelId: 'scripted',
    doStream: () =>
      new Observable<ChatStreamPartV1>((subscriber) => {
        for (const text of deltas) {
          if (subscriber.closed) return;
          subscriber.next({ type: 'text-delta', text });
        }
        subscriber.next({ type: 'finish', reason: 'stop' });
        subscriber.complete();
      }),
  };
}
