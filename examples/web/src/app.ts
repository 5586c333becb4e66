import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MockOpenAIServer } from '@rivulet/openai/testing';
import { createHandler, toNodeListener } from '@rivulet/server';
import { pageScript } from './bundle-page-script.js';
import { pageHtml } from './page-html.js';
import { tripChain } from './trip-chain.js';
import { startTripModel, type TripModelOptions } from './trip-model.js';
import { TripRequest } from './trip-plan.js';

/** The running example. */
export interface WebApp {
  /** The page: `http://127.0.0.1:<port>/`. */
  readonly url: string;
  /** The offline model server, absent with a real API key; its `requests` show what the model was asked, and whether a run was stopped. */
  readonly mock: MockOpenAIServer | undefined;
  close(): Promise<void>;
}

/** Options of {@link startWebApp}. */
export interface WebAppOptions extends TripModelOptions {
  /** Port to listen on; a free one unless told. */
  readonly port?: number | undefined;
}

/**
 * Starts the example: one page, its script, and the trip chain served under
 * `/api/trip/*` with `createHandler` and `toNodeListener`.
 */
export async function startWebApp(options: WebAppOptions = {}): Promise<WebApp> {
  const tripModel = await startTripModel(options);
  const api = toNodeListener(createHandler(tripChain(tripModel.model), { inputSchema: TripRequest }));
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path.startsWith('/api/trip/')) return api(req, res);
    if (path === '/') return send(res, 'text/html; charset=utf-8', pageHtml);
    if (path === '/trip-page.js') {
      return void pageScript().then(
        (script) => send(res, 'text/javascript; charset=utf-8', script),
        (error: unknown) => send(res, 'text/plain', `Bundling failed: ${String(error)}`, 500),
      );
    }
    send(res, 'text/plain', 'Not found', 404);
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
