import { ScriptExhaustedError } from './script-exhausted-error.js';

/**
 * What a mock server answers, in one of three forms: one reply for every
 * request; an array whose reply `i` answers the `i`-th scripted request; or a
 * function choosing the reply from the request.
 *
 * @typeParam Reply - the provider's reply description (an object).
 * @typeParam Request - what a function script receives.
 */
export type Script<Reply extends object, Request> =
  | Reply
  | readonly Reply[]
  | ((request: Request) => Reply | Promise<Reply>);

/** Picks the reply for each request, in order. */
export type ScriptPlayer<Reply, Request> = (request: Request) => Promise<Reply>;

/**
 * Turns a script into a player. Calls are counted by the player, not by the
 * server, so only requests to the scripted route consume array entries (a
 * `GET /models` does not). With no script every request gets `fallback`.
 *
 * @throws ScriptExhaustedError (from the player) once an array script ran out.
 */
export function createScriptPlayer<Reply extends object, Request>(
  script: Script<Reply, Request> | undefined,
  fallback: (request: Request) => Reply,
): ScriptPlayer<Reply, Request> {
  let position = 0;
  return async (request) => {
    const current = position++;
    if (script === undefined) return fallback(request);
    if (typeof script === 'function') return script(request);
    if (!isReplyList(script)) return script;
    const reply = script[current];
    if (reply === undefined) throw new ScriptExhaustedError(current, script.length);
    return reply;
  };
}

// Array.isArray does not narrow a readonly array out of a union.
function isReplyList<Reply>(value: Reply | readonly Reply[]): value is readonly Reply[] {
  return Array.isArray(value);
}
