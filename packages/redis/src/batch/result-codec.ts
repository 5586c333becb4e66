import { RivuletError, isMessage, messageFromJSON, type BatchResult, type MessageJSON } from '@rivulet/core';
import { reviveError, type ErrorJSON } from '@rivulet/server';

/** A result as the batch's hash keeps it: an output (a message as its JSON, to revive), or an error. */
type StoredResult = { readonly output: unknown } | { readonly message: MessageJSON } | { readonly error: ErrorJSON };

/** The JSON text of a successful output; a message (a model's reply) is kept so that it comes back a message. */
export function encodeOutput(output: unknown): string {
  const stored: StoredResult = isMessage(output) ? { message: output.toJSON() as MessageJSON } : { output };
  return JSON.stringify(stored);
}

/**
 * The JSON text of a failure: a Rivulet error's public fields (`toJSON`),
 * any other error's name and message. Stacks and causes are not kept.
 */
export function encodeError(error: unknown): string {
  const json: ErrorJSON = RivuletError.isInstance(error)
    ? { ...error.toJSON(), name: error.name, message: error.message }
    : error instanceof Error
      ? { name: error.name, message: error.message }
      : { name: 'Error', message: String(error) };
  return JSON.stringify({ error: json } satisfies StoredResult);
}

/** The result of input `index` from its stored text: typed Rivulet errors come back typed, other errors as `Error`s of the same name. */
export function decodeResult<O>(index: number, text: string): BatchResult<O> {
  const stored = JSON.parse(text) as StoredResult;
  if ('error' in stored) return { index, error: decodeError(stored.error) };
  if ('message' in stored) return { index, output: messageFromJSON(stored.message) as O };
  return { index, output: stored.output as O };
}

function decodeError(json: ErrorJSON): Error {
  const revived = reviveError(json);
  if (revived.name !== 'RivuletError' || json.name === 'RivuletError') return revived;
  const error = new Error(json.message);
  error.name = json.name;
  return error;
}
