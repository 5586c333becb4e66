import { AbortError } from '../errors/abort-error.js';

/** The `AbortError` a run ends with when `signal` aborts; the signal's reason is its cause. */
export function toAbortError(signal: AbortSignal): AbortError {
  const reason: unknown = signal.reason;
  if (AbortError.isInstance(reason)) return reason;
  const detail = reason instanceof Error && reason.name !== 'AbortError' ? `: ${reason.message}` : '';
  return new AbortError(`The run was aborted${detail}.`, { cause: reason });
}
