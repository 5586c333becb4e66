import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toNodeListener } from '../node/to-node-listener.js';
import type { RequestHandler } from '../handler/create-handler.js';

/** A real `node:http` server on 127.0.0.1, a free port, serving `handler` under `/api/run`. */
export interface TestServer {
  readonly origin: string;
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

/** Serves `handler` on a real `node:http` server on 127.0.0.1, on a free port; `close()` ends every connection. */
export async function serve(handler: RequestHandler): Promise<TestServer> {
  const server = createServer(toNodeListener(handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: `${origin}/api/run`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

