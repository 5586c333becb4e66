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
