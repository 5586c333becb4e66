import { createServer, type Server, type ServerOptions } from 'node:http';
import type { RequestHandler } from '../handler/create-handler.js';
import type { NodeListenerOptions } from './node-listener-options.js';
import { toNodeListener } from './to-node-listener.js';

/** Options of {@link createNodeServer}: any of `http.createServer`'s, and {@link NodeListenerOptions}. */
export interface NodeServerOptions extends ServerOptions, NodeListenerOptions {}

/**
 * The timeouts {@link createNodeServer} sets unless told otherwise. Node's
 * own defaults give a client 60 s to send its headers and 300 s for its
 * request, checked every 30 s, so a slowloris client holds a connection for
 * up to 90 s per attempt. These give it 10 s for the headers and 30 s for a
 * whole request (its body included; the answer may take as long as the run
 * does), checked every second. `keepAliveTimeout` stays Node's 5 s: behind
 * a load balancer, raise it above the balancer's idle timeout.
 */
export const nodeServerTimeouts = {
  headersTimeout: 10_000,
  requestTimeout: 30_000,
  keepAliveTimeout: 5_000,
  connectionsCheckingInterval: 1_000,
} as const satisfies ServerOptions;

/**
 * A `node:http` server (not yet listening) serving `handler` through
 * {@link toNodeListener}, with timeouts that close connections of clients
 * too slow to send a request ({@link nodeServerTimeouts}) or to read their
 * answer (`sendTimeoutMs`). Every option of `http.createServer` can be
 * given, and overrides those.
 *
 * @example
 * ```ts
 * createNodeServer(createHandler(chain)).listen(3000);
 * createNodeServer(handler, { headersTimeout: 5_000, sendTimeoutMs: 30_000 }).listen(3000);
 * ```
 */
export function createNodeServer(handler: RequestHandler, options: NodeServerOptions = {}): Server {
  const { sendTimeoutMs, ...given } = options;
  const defaults = nodeServerTimeouts;
  const requestTimeout = given.requestTimeout ?? defaults.requestTimeout;
  // Node refuses a headers timeout longer than the request timeout: a shorter request timeout shortens the default.
  const headersTimeout = given.headersTimeout ?? (requestTimeout > 0 ? Math.min(defaults.headersTimeout, requestTimeout) : defaults.headersTimeout);
  const serverOptions: ServerOptions = {
    ...given,
    requestTimeout,
    headersTimeout,
    keepAliveTimeout: given.keepAliveTimeout ?? defaults.keepAliveTimeout,
    connectionsCheckingInterval: given.connectionsCheckingInterval ?? defaults.connectionsCheckingInterval,
  };
  return createServer(serverOptions, toNodeListener(handler, { sendTimeoutMs }));
}
