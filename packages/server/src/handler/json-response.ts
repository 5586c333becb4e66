import type { ErrorJSON } from '../client/wire-types.js';

/** A JSON response. */
export function jsonResponse(status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
}

/** The `{ error }` answer of every failure. */
export function errorResponse(status: number, error: ErrorJSON, headers: Readonly<Record<string, string>> = {}): Response {
  return jsonResponse(status, { error }, headers);
}
