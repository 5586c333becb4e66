import type { RequestHandler } from '@rivulet/server';
import { bundleBrowserScript } from './bundle-browser-script.js';

/** What a one-page example serves. */
export interface AppRoutes {
  /** The HTML page, served at `/`. */
  readonly page: string;
  /** The page's script: bundled from `entry` (see {@link bundleBrowserScript}) on its first request, served at `path`. */
  readonly script: { readonly path: `/${string}`; readonly entry: URL };
  /** Handlers by path prefix, e.g. `{ '/api/trip/': createHandler(chain) }`: a request whose path starts with a prefix goes to its handler. */
  readonly api: Readonly<Record<`/${string}`, RequestHandler>>;
}

/**
 * One Web-standard handler for a one-page example: the page, its bundled
 * script, and the API routes; anything else is a 404. Nothing is cached by
 * the browser, so a reload shows the example as it is now.
 */
export function appHandler({ page, script, api }: AppRoutes): RequestHandler {
  const routes = Object.entries(api);
  return async (request) => {
    const path = new URL(request.url).pathname;
    const route = routes.find(([prefix]) => path.startsWith(prefix));
    if (route !== undefined) return route[1](request);
    if (path === '/') return text(200, 'text/html', page);
    if (path === script.path) {
      return bundleBrowserScript(script.entry).then(
        (code) => text(200, 'text/javascript', code),
        (error: unknown) => text(500, 'text/plain', `Bundling failed: ${String(error)}`),
      );
    }
    return text(404, 'text/plain', 'Not found');
  };
}

function text(status: number, type: string, body: string): Response {
  return new Response(body, { status, headers: { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' } });
}
