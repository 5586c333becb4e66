import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MockOpenAIServer } from '@rivulet/openai/testing';
import { createHandler, toNodeListener } from '@rivulet/server';
import { pageScript } from './bundle-page.js';
import { pageHtml } from './page-html.js';
import { startTripModel, tripChain, TripRequest, type TripModelOptions } from '@rivulet/example-web/trip';

/** The running example. */
export interface ReactUiApp {
  /** The page: `http://127.0.0.1:<port>/`. */
  readonly url: string;
  /** The offline model server (absent with a real key): its `requests` show what the model was asked, and which runs were stopped. */
  readonly mock: MockOpenAIServer | undefined;
  close(): Promise<void>;
}

/** Options of {@link startReactUiApp}. */
export interface ReactUiAppOptions extends TripModelOptions {
  /** Port to listen on; a free one unless told. */
  readonly port?: number | undefined;
}

/**
 * Serves the example on 127.0.0.1: the page, its bundled React script, and
 * the trip chain under `/api/trip/*` (`createHandler`, validated by
 * `TripRequest`). A page that stops its run, or goes away, closes its
 * connection; the handler then cancels the run, down to the model's request.
 */
export async function startReactUiApp(options: ReactUiAppOptions = {}): Promise<ReactUiApp> {
  const tripModel = await startTripModel(options);
  const api = toNodeListener(createHandler(tripChain(tripModel.model), { inputSchema: TripRequest }));
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path.startsWith('/api/trip/')) return api(req, res);
    if (path === '/') return send(res, 'text/html; charset=utf-8', pageHtml);
    if (path === '/app.js') {
      return void pageScript().then(
        (script) => send(res, 'text/javascript; charset=utf-8', script),
        (error: unknown) => send(res, 'text/plain; charset=utf-8', `Bundling failed: ${String(error)}`, 500),
      );
    }
    send(res, 'text/plain; charset=utf-8', 'Not found', 404);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    mock: tripModel.mock,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await tripModel.close();
    },
  };
}

function send(res: ServerResponse, type: string, body: string, status = 200): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
}
