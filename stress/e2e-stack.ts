import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Runnable, RunOptions } from '@rivulet/core';
import { OpenAIChatModel, type OpenAIChatModelOptions } from '@rivulet/openai';
import { startMockOpenAIServer, type MockOpenAIServer, type MockScript } from '@rivulet/openai/testing';
import { structuredParser, type DeepPartial } from '@rivulet/parsers';
import { promptTemplate } from '@rivulet/prompts';
import { createHandler, createNodeServer, type HandlerOptions, type NodeServerOptions, RemoteRunnable } from '@rivulet/server';
import { planInputSchema, planPrompt, planSchema, type Plan, type PlanInput } from './run-script.js';

/** The API key of the stress model: it must never show anywhere a client or a log can see. */
export const stressApiKey = 'sk-stress-0f9e8d7c6b5a4938-SECRET';

/** Options of {@link startStack}. */
export interface StackOptions {
  /** What the mock OpenAI server answers. */
  readonly script: MockScript;
  /** Options of the server's model (retries, idle timeout, backoff). */
  readonly model?: Partial<OpenAIChatModelOptions> | undefined;
  /** Options applied to every run of the served chain, e.g. a server-wide shutdown `signal`. */
  readonly serverRunOptions?: RunOptions | undefined;
  /** Options of the handler. */
  readonly handler?: Omit<HandlerOptions<PlanInput>, 'inputSchema'> | undefined;
  /** Options of the Rivulet server over `createNodeServer`'s defaults (its timeouts). */
  readonly server?: NodeServerOptions | undefined;
}

/** The whole path of a run: client, Rivulet server, chain, mock model. */
export interface Stack {
  readonly mock: MockOpenAIServer;
  readonly model: OpenAIChatModel;
  /** The served chain itself, for runs without the HTTP hop in front of it. */
  readonly chain: Runnable<PlanInput, Plan, DeepPartial<Plan>>;
  /** The client side: a `RemoteRunnable` on the served chain. */
  readonly remote: RemoteRunnable<PlanInput, Plan, DeepPartial<Plan>>;
  /** The handler's base URL. */
  readonly url: string;
  readonly server: Server;
  /** Connections open on the Rivulet server now, and at most so far. */
  connections(): { readonly open: number; readonly peak: number };
  /** Calls of the handler that have not settled yet (a streamed answer settles once its headers are ready). */
  handling(): number;
  close(): Promise<void>;
}

/**
 * Starts the end-to-end path the stress suite drives: `RemoteRunnable` →
 * `node:http` server (`createHandler` + `createNodeServer`, with its default
 * timeouts) on 127.0.0.1 → chain (`promptTemplate` → `OpenAIChatModel` →
 * `structuredParser`) → mock OpenAI server. Limits are raised for a
 * thousand concurrent streams.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const mock = await startMockOpenAIServer(options.script);
  const model = new OpenAIChatModel({ model: 'mock-model', apiKey: stressApiKey, baseURL: mock.url, ...options.model });
  let chain = promptTemplate(planPrompt).pipe(model).pipe(structuredParser(planSchema));
  if (options.serverRunOptions) chain = chain.withConfig(options.serverRunOptions);
  const handle = createHandler(chain, { ...options.handler, inputSchema: planInputSchema });
  // Counts handler calls not yet settled: one left pending is a request the server forgot.
  let handling = 0;
  const handler = async (request: Request): Promise<Response> => {
    handling++;
    try {
      return await handle(request);
    } finally {
      handling--;
    }
  };
  // The timeouts a deployment gets from createNodeServer: they bound how long a request may take to arrive,
  // not how long its answer streams, so a stalled model is still the run's own limits to end.
  const server = createNodeServer(handler, { keepAliveTimeout: 10_000, ...options.server });
  server.maxConnections = 20_000;
  const sockets = new Set<Socket>();
  let peak = 0;
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    peak = Math.max(peak, sockets.size);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/plan`;
  return {
    mock,
    model,
    chain,
    remote: new RemoteRunnable<PlanInput, Plan, DeepPartial<Plan>>({ url, aggregate: { kind: 'snapshot' }, name: 'remotePlan' }),
    url,
    server,
    connections: () => ({ open: sockets.size, peak }),
    handling: () => handling,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await mock.close();
    },
  };
}
