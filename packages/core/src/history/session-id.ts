import { InputError } from '../errors/input-error.js';
import type { RunContext } from '../run/run-context.js';

/** The session a history run belongs to: `configurable.sessionId`, a non-empty string. */
export function sessionIdOf(ctx: RunContext): string {
  const sessionId: unknown = ctx.configurable['sessionId'];
  if (typeof sessionId === 'string' && sessionId !== '') return sessionId;
  const got = sessionId === undefined ? 'it is missing' : `got ${sessionId === '' ? 'an empty string' : typeof sessionId}`;
  throw new InputError(
    `withMessageHistory needs a session: pass { configurable: { sessionId: '...' } } in the run options (${got}).`,
    { variables: ['sessionId'] },
  );
}

/**
 * The session id a store was given, checked: a non-empty string, else
 * `InputError`. Every `MessageStore` method starts with it, so a bad id
 * fails the same way in memory and in a shared store.
 *
 * @example
 * ```ts
 * clear(sessionId: string): Promise<void> {
 *   return this.db.delete(checkSessionId(sessionId));
 * }
 * ```
 */
export function checkSessionId(sessionId: unknown): string {
  if (typeof sessionId !== 'string' || sessionId === '') {
    throw new InputError(`A session id must be a non-empty string, got ${sessionId === '' ? 'an empty string' : typeof sessionId}.`);
  }
  return sessionId;
}
