import { Observable, Subscription, timer } from 'rxjs';
import type { ChatModelProviderV1 } from '@rivulet/provider';
import type { ChatRequestV1 } from '@rivulet/provider';
import type { ChatStreamPartV1 } from '@rivulet/provider';
import type { FakeReply } from './fake-reply.js';
import { replyParts } from './reply-parts.js';

/** Options of a fake model's pacing. */
export interface FakePacing {
  /** Characters per text chunk. Default 4. */
  readonly chunkSize?: number | undefined;
  /** Wait before each part, in ms (an rxjs timer, so TestScheduler can drive it). Default 0. */
  readonly delayMs?: number | undefined;
}

/**
 * A provider that plays scripted replies in order (the last one repeats) and
 * records every request, for testing chains without a network.
 */
export class FakeProvider implements ChatModelProviderV1 {
  readonly specificationVersion = 'v1' as const;
  readonly provider = 'fake';
  readonly modelId = 'fake-model';
  /** Every request received, in order. */
  readonly requests: ChatRequestV1[] = [];
  readonly #replies: readonly FakeReply[];
  readonly #pacing: FakePacing;

  constructor(replies: readonly FakeReply[], pacing: FakePacing = {}) {
    this.#replies = replies.length > 0 ? replies : [''];
    this.#pacing = pacing;
  }

  doStream(request: ChatRequestV1): Observable<ChatStreamPartV1> {
    return new Observable<ChatStreamPartV1>((subscriber) => {
      this.requests.push(request);
      const reply = this.#replies[Math.min(this.requests.length - 1, this.#replies.length - 1)] as FakeReply;
      const { parts, error, errorAt } = replyParts(reply, this.#pacing.chunkSize ?? 4);
      const delayMs = this.#pacing.delayMs ?? 0;
      const subscription = new Subscription();
      const emit = (index: number): void => {
        // Without a delay, a plain loop: recursion would overflow the stack on long replies.
        for (let at = index; at <= parts.length; at++) {
          if (subscriber.closed) return;
          if (error && at === errorAt) return subscriber.error(error);
          const part = parts[at];
          if (part === undefined) return subscriber.complete();
          if (delayMs > 0) {
            subscription.add(
              timer(delayMs).subscribe(() => {
                subscriber.next(part);
                emit(at + 1);
              }),
            );
            return;
          }
          subscriber.next(part);
        }
      };
      emit(0);
      return subscription;
    });
  }
}
