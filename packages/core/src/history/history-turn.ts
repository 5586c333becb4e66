import { InputError } from '../errors/input-error.js';
import { isRecord } from '../messages/invalid-message.js';
import type { Message } from '../messages/message.js';
import { inputMessages } from './input-messages.js';

/** Where the history and the new messages go in the wrapped runnable's input. */
export interface HistoryKeys {
  readonly inputKey?: string | undefined;
  readonly historyKey?: string | undefined;
}

/** One turn: the new messages it adds, and the wrapped runnable's input once the history is known. */
export interface HistoryTurn {
  readonly newMessages: readonly Message[];
  withHistory(history: readonly Message[]): unknown;
}

/**
 * Reads the new turn from the input, before anything runs, so a bad input
 * fails with nothing read or sent.
 * - No keys: the input is the new message(s); the runnable gets history + new.
 * - `inputKey`: the input is an object whose `inputKey` holds the new message(s).
 *   With `historyKey`, the history fills that variable and `inputKey` is passed
 *   on unchanged (a prompt templates it); without, `inputKey` gets history + new.
 */
export function historyTurn(input: unknown, { inputKey, historyKey }: HistoryKeys): HistoryTurn {
  if (inputKey === undefined) {
    const newMessages = inputMessages(input, 'The input');
    return { newMessages, withHistory: (history) => [...history, ...newMessages] };
  }
  if (!isRecord(input)) throw new InputError(`withMessageHistory with inputKey "${inputKey}" takes an object input, got ${input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input}.`);
  if (!(inputKey in input) || input[inputKey] === undefined) {
    throw new InputError(`The input has no "${inputKey}" variable, which holds the new message.`, { variables: [inputKey] });
  }
  if (historyKey !== undefined && input[historyKey] !== undefined) {
    throw new InputError(`The "${historyKey}" variable is filled from the message store: leave it out of the input.`, { variables: [historyKey] });
  }
  const newMessages = inputMessages(input[inputKey], `The "${inputKey}" variable`);
  return {
    newMessages,
    withHistory: (history) =>
      historyKey === undefined ? { ...input, [inputKey]: [...history, ...newMessages] } : { ...input, [historyKey]: [...history] },
  };
}
