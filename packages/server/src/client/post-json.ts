import type { ClientOptions } from './client-options.js';
import { isErrorJSON, RemoteError } from './remote-error.js';

/**
 * POSTs `body` as JSON and resolves to the response once it is a 2xx. Any other
 * status rejects with a `RemoteError`: the server's `{ error }` when it sent one,
 * else a `ProviderError`-named one carrying the status (a proxy's error page).
 */
export async function postJson(url: string, body: unknown, options: ClientOptions, accept: string): Promise<Response> {
  const headers = await requestHeaders(options, accept);
  headers.set('content-type', 'application/json');
  return send(url, { method: 'POST', headers, body: JSON.stringify(body) }, options);
}

/** GETs `url` with the client's headers and `extra`, resolving and rejecting as {@link postJson} does. */
export async function getFrom(url: string, options: ClientOptions, accept: string, extra: Readonly<Record<string, string>> = {}): Promise<Response> {
  const headers = await requestHeaders(options, accept);
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  return send(url, { method: 'GET', headers }, options);
}

async function requestHeaders(options: ClientOptions, accept: string): Promise<Headers> {
  const headers = new Headers(typeof options.headers === 'function' ? await options.headers() : options.headers);
  headers.set('accept', accept);
  return headers;
}

async function send(url: string, init: RequestInit, options: ClientOptions): Promise<Response> {
  if (options.signal) init.signal = options.signal;
  const response = await (options.fetch ?? fetch)(url, init);
  if (response.ok) return response;
  throw await errorOf(response);
}

async function errorOf(response: Response): Promise<RemoteError> {
  const body: unknown = await response.json().catch(() => undefined);
  const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  if (isErrorJSON(error)) return new RemoteError(error, response.status);
  const message = `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`;
  return new RemoteError({ name: 'ProviderError', message, provider: 'remote', status: response.status }, response.status);
}
