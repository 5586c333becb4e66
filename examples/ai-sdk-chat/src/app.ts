import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MockOpenAIServer } from '@rivulet/openai/testing';
import { createHandler, toNodeListener } from '@rivulet/server';
import { pageScript } from './bundle.js';
import { startExampleModel } from './chat-model.js';

/** The running example. */
export interface ChatApp {
  /** The page: `http://127.0.0.1:<port>/`. */
  readonly url: string;
  /** The offline model server (absent with a real API key): its `requests` show what the model was sent, and whether a run was stopped. */
  readonly mock: MockOpenAIServer | undefined;
  close(): Promise<void>;
}

const page = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><link rel="icon" href="data:,"><title>useChat on Rivulet</title></head>
  <body><div id="root"></div><script type="module" src="/chat-page.js"></script></body>
</html>`;

/**
 * Starts the example: a `useChat` page, its bundled script, and a Rivulet
 * chat model answering it at `/api/chat` in the AI SDK's UI message stream
 * protocol.
 */
export async function startChatApp(options: { readonly port?: number; readonly delayMs?: number } = {}): Promise<ChatApp> {
  const example = await startExampleModel(options);
  const api = toNodeListener(createHandler(example.model, { protocol: 'ai-sdk-ui' }));
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path.startsWith('/api/')) return api(req, res);
    if (path === '/') return send(res, 'text/html; charset=utf-8', page);
    if (path === '/chat-page.js') {
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
    mock: example.mock,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await example.close();
    },
  };
}

function send(res: ServerResponse, type: string, body: string, status = 200): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
}
