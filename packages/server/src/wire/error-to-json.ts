import { RivuletError } from '@rivulet/core';
import type { ErrorJSON } from '../client/wire-types.js';

/**
 * What a client may see of `error`. A Rivulet error shows its public fields
 * (`toJSON()`), which are designed to be safe; any other error may carry
 * secrets in its message (a connection string, a file path), so it becomes a
 * generic internal error. Only with `debug` do stacks, causes and the messages
 * of other errors go out.
 */
export function errorToJSON(error: unknown, debug: boolean, depth = 0): ErrorJSON {
  const base: ErrorJSON = RivuletError.isInstance(error)
    ? { ...error.toJSON(), name: error.name, message: error.message }
    : debug && error instanceof Error
      ? { name: error.name, message: error.message }
      : { name: 'RivuletError', message: 'Internal server error.' };
  if (!debug) return base;
  const cause: unknown = error instanceof Error ? error.cause : undefined;
  return {
    ...base,
    ...(error instanceof Error && error.stack !== undefined && { stack: error.stack }),
    ...(cause !== undefined && { cause: depth < 4 && cause instanceof Error ? errorToJSON(cause, true, depth + 1) : String(cause) }),
    ...(!(error instanceof Error) && { message: String(error) }),
  };
}
