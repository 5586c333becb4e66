// Ids Rivulet makes up for calls the wire sent without one. They never go back to the API,
// which would not know them; ids the API chose go back with the call and its result.
const MADE_UP = 'gemini-call-';

/** A call id unique across responses: `nonce` is the response's, `n` the call's position in it. */
export function madeUpCallId(nonce: string, n: number): string {
  return `${MADE_UP}${nonce}-${n}`;
}

/** The id to send back with a call or its result: the API's own, never one Rivulet made up. */
export function wireCallId(id: string): string | undefined {
  return id.startsWith(MADE_UP) ? undefined : id;
}

/** A short random string that tells one response's made-up ids from another's. */
export function responseNonce(): string {
  return globalThis.crypto.randomUUID().slice(0, 8);
}
