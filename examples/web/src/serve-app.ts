import type { AddressInfo } from 'node:net';
import { createNodeServer } from '@rivulet/server';
import { appHandler, type AppRoutes } from './app-handler.js';

/** Options of {@link serveApp}. */
export interface ServeAppOptions extends AppRoutes {
  /** Port to listen on; a free one unless told. */
  readonly port?: number | undefined;
  /** Called by `close()` once the server has stopped: the example's own servers (its mock model) go with it. */
  readonly onClose?: (() => Promise<void>) | undefined;
}

/** A running example. */
export interface ServedApp {
  /** The page: `http://127.0.0.1:<port>/`. */
  readonly url: string;
  /** Drops every open connection, stops the server, then runs `onClose`. */
  close(): Promise<void>;
}

/**
 * Serves a one-page example on 127.0.0.1: the HTML page at `/`, its script
 * bundled from TypeScript, and the API routes (`createHandler`s), through
 * `createNodeServer`, so slow clients are timed out and a client that goes
 * away cancels its run. The `web`, `react-ui` and `ai-sdk-chat` examples
 * are each this, with their own page.
 *
 * @example
 * ```ts
 * const app = await serveApp({
 *   page: '<!doctype html><div id="root"></div><script type="module" src="/app.js"></script>',
 *   script: { path: '/app.js', entry: new URL('./browser/main.tsx', import.meta.url) },
 *   api: { '/api/trip/': createHandler(chain) },
 * });
 * console.log(app.url);
 * ```
 */
export async function serveApp({ port = 0, onClose, ...routes }: ServeAppOptions): Promise<ServedApp> {
  const server = createNodeServer(appHandler(routes));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await onClose?.();
    },
  };
}
