import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import OpenAI from 'openai';
import { listenOnLoopback, SERVER_KEEP_ALIVE_MS, type RunningServer } from './running-server.js';
import { tripMessages, tripModelName, type TripInput } from './trip-request.js';

/**
 * The baseline of `server-throughput`, written without Rivulet as a team
 * would by hand: a `node:http` server that reads `{ input }`, calls the
 * official `openai` SDK with `stream: true` (the same request body as
 * `OpenAIChatModel`), and writes each content delta as it arrives as one
 * `data:` line of a `text/event-stream` response (the delta JSON-encoded, as
 * its line breaks require), then `data: [DONE]`. It respects the socket's
 * backpressure and aborts the model request when the client leaves, as the
 * Rivulet side does; it neither parses nor validates the JSON. The SDK
 * retries a failed connection twice (its default), as `OpenAIChatModel` does.
 */
export function startRawServer(modelUrl: string): Promise<RunningServer> {
  const client = new OpenAI({ apiKey: 'offline', baseURL: modelUrl });
  const server = createServer({ keepAliveTimeout: SERVER_KEEP_ALIVE_MS }, (req, res) => void answer(client, req, res));
  return listenOnLoopback(server);
}

async function answer(client: OpenAI, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const controller = new AbortController();
  res.once('close', () => controller.abort());
  try {
    const { input } = JSON.parse(await readText(req)) as { input: TripInput };
    const stream = await client.chat.completions.create(
      { model: tripModelName, messages: tripMessages(input), stream: true, stream_options: { include_usage: true } },
      { signal: controller.signal },
    );
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta.content;
      if (delta && !res.write(`data: ${JSON.stringify(delta)}\n\n`)) await once(res, 'drain', { signal: controller.signal });
    }
    res.end('data: [DONE]\n\n');
  } catch {
    if (res.headersSent) res.destroy();
    else res.writeHead(500).end();
  }
}

async function readText(req: IncomingMessage): Promise<string> {
  let text = '';
  req.setEncoding('utf8');
  for await (const piece of req) text += piece as string;
  return text;
}
