import { concat, concatMap, defer, from, ignoreElements, tap, type Observable } from 'rxjs';
import type { AggregationSpec } from '../aggregation/aggregation.js';
import { createFolder } from '../aggregation/create-folder.js';
import type { Message } from '../messages/message.js';
import type { RunContext } from '../run/run-context.js';
import { runStep } from '../run/run-step.js';
import { inputOf, onWholeInput, type StreamInput } from '../run/stream-input.js';
import { Runnable } from '../runnable/runnable.js';
import { historyTurn, type HistoryKeys } from './history-turn.js';
import type { HistoryInput } from './input-messages.js';
import type { MessageStore } from './message-store.js';
import { outputMessages } from './output-messages.js';
import { sessionIdOf } from './session-id.js';

/** Options of {@link withMessageHistory} for a runnable that takes a list of messages (a chat model). */
export interface MessageHistoryOptions {
  /** Where each session's messages are read from and appended to. */
  readonly store: MessageStore;
}

/** Options of {@link withMessageHistory} for a runnable that takes an object (a chat prompt and what follows). */
export interface KeyedMessageHistoryOptions<K extends string, H extends string> extends MessageHistoryOptions {
  /** The input variable holding the new message(s): a string is a human message. */
  readonly inputKey: K;
  /**
   * The variable the history goes into, typically a prompt's `placeholder`; it
   * is left out of the wrapper's input type. Without it, the history is put
   * before the new message(s) in `inputKey` itself.
   */
  readonly historyKey?: H | undefined;
}

/**
 * `runnable` with a memory: each run reads the session's past messages from
 * `store`, runs with them, and once it succeeds appends the new input
 * message(s) and the output message(s), in one `addMessages` call. A failed or
 * cancelled run appends nothing. The session is `configurable.sessionId` of
 * the run options; without one the run fails with `InputError` before
 * anything is read.
 *
 * - A runnable taking messages (a chat model): the input is the new turn (a
 *   string, a message or messages) and the runnable gets history + new turn.
 * - A runnable taking an object (a chat prompt with a `placeholder`): name the
 *   variable of the new message with `inputKey` and the placeholder with `historyKey`.
 *
 * Chunks stream through as they come; the run completes once the messages
 * are stored. What is stored from the output: a message (a streamed reply as
 * the complete `AIMessage`), a string as an `AIMessage`, a list of messages or
 * an object's `messages` list as those; any other output fails the run with
 * `InputError` and stores nothing. Runs of one session at the same time each
 * read the history as it was when they started, and append in the order they
 * complete, each turn's messages together.
 *
 * @example
 * ```ts
 * const store = new InMemoryMessageStore();
 * const chat = withMessageHistory(model, { store });
 * await chat.invoke('My name is Ada.', { configurable: { sessionId: 'ada' } });
 * await chat.invoke('What is my name?', { configurable: { sessionId: 'ada' } }); // the model sees the first turn
 *
 * const prompt = chatPrompt([['system', 'Be brief.'], placeholder('history'), ['human', '{question}']]);
 * const qa = withMessageHistory(prompt.pipe(model), { store, inputKey: 'question', historyKey: 'history' });
 * await qa.invoke({ question: 'And in May?' }, { configurable: { sessionId: 'ada' } });
 * ```
 */
export function withMessageHistory<O, C>(
  runnable: Runnable<Message[], O, C>,
  options: MessageHistoryOptions & { readonly inputKey?: undefined; readonly historyKey?: undefined },
): Runnable<HistoryInput, O, C>;
export function withMessageHistory<I, O, C, K extends keyof I & string, H extends keyof I & string = never>(
  runnable: Runnable<I, O, C>,
  options: KeyedMessageHistoryOptions<K, H>,
): Runnable<Omit<I, H>, O, C>;
export function withMessageHistory<O, C>(
  runnable: Runnable<never, O, C>,
  options: MessageHistoryOptions & HistoryKeys,
): Runnable<never, O, C> {
  return new MessageHistoryRunnable(runnable as Runnable<unknown, O, C>, options);
}

/** The runnable `withMessageHistory` returns. */
class MessageHistoryRunnable<O, C> extends Runnable<unknown, O, C> {
  readonly name = 'withMessageHistory';
  readonly aggregation: AggregationSpec<C, O>;
  readonly #runnable: Runnable<unknown, O, C>;
  readonly #store: MessageStore;
  readonly #keys: HistoryKeys;

  constructor(runnable: Runnable<unknown, O, C>, { store, inputKey, historyKey }: MessageHistoryOptions & HistoryKeys) {
    super();
    if (historyKey !== undefined && inputKey === undefined) {
      throw new TypeError(`withMessageHistory: historyKey "${historyKey}" needs an inputKey naming the variable of the new message.`);
    }
    this.#runnable = runnable;
    this.#store = store;
    this.#keys = { inputKey, historyKey };
    // The wrapped runnable always gets its input whole, so its chunks fold by its own output rule.
    this.aggregation = () => runnable.outputAggregation();
  }

  doStream(input: StreamInput<unknown>, ctx: RunContext): Observable<C> {
    return onWholeInput(input, this.name, (value) => this.#turn(value, ctx));
  }

  #turn(value: unknown, ctx: RunContext): Observable<C> {
    return defer(() => {
      const sessionId = sessionIdOf(ctx);
      const turn = historyTurn(value, this.#keys);
      const output = createFolder(this.#runnable.outputAggregation());
      const run = from(this.#store.getMessages(sessionId)).pipe(
        concatMap((history) => runStep(this.#runnable, inputOf(turn.withHistory(history)), ctx)),
        tap((chunk) => output.add(chunk)),
      );
      // Reached only when the run completed: an error or a cancellation never gets here.
      const append = defer(() => this.#store.addMessages(sessionId, [...turn.newMessages, ...outputMessages(output.result())]));
      return concat(run, append.pipe(ignoreElements()));
    });
  }
}
