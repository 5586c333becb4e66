import {
  AbortError,
  InputError,
  OutputParserError,
  ProviderError,
  RivuletError,
  TimeoutError,
  TruncatedStreamError,
} from '@rivulet/core';
import type { ErrorJSON } from '../client/wire-types.js';

/**
 * The typed error an error from the wire stands for, chosen by its `name` and
 * rebuilt with its public fields, so `ProviderError.isInstance(e)` and
 * `e.status` work on the client as they would in-process. Unknown names give
 * a plain `RivuletError` with the message.
 */
export function reviveError(data: ErrorJSON, status?: number): RivuletError {
  const { message } = data;
  const issues = array(data.issues);
  const position = typeof data.position === 'number' ? data.position : undefined;
  switch (data.name) {
    case 'AbortError':
      return new AbortError(message);
    case 'TimeoutError':
      return new TimeoutError({ timeoutMs: number(data.timeoutMs) ?? 0, kind: data.kind === 'idle' ? 'idle' : 'run' }, message);
    case 'InputError':
      return new InputError(message, { variables: array(data.variables)?.filter((v) => typeof v === 'string'), position, issues });
    case 'OutputParserError':
      return new OutputParserError(message, { text: typeof data.text === 'string' ? data.text : '', position, issues });
    case 'TruncatedStreamError':
      return new TruncatedStreamError(message, { partial: data.partial });
    case 'ProviderError':
      return new ProviderError(message, {
        provider: typeof data.provider === 'string' ? data.provider : 'remote',
        status: number(data.status) ?? status,
        code: typeof data.code === 'string' ? data.code : undefined,
        requestId: typeof data.requestId === 'string' ? data.requestId : undefined,
        retryable: typeof data.retryable === 'boolean' ? data.retryable : undefined,
        retryAfterMs: number(data.retryAfterMs),
      });
    default:
      return new RivuletError(message);
  }
}

function number(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

function array(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}
