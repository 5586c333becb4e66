import type { Socket } from 'node:net';

const cache = new WeakMap<Socket, Promise<void>>();

/**
 * Resolves once `socket` is closed. One promise per socket: a keep-alive
 * socket carries many requests, and one listener each would trip Node's
 * max-listeners warning.
 */
export function socketClosed(socket: Socket): Promise<void> {
  let closed = cache.get(socket);
  if (closed === undefined) {
    closed = socket.destroyed ? Promise.resolve() : new Promise((resolve) => socket.once('close', () => resolve()));
    cache.set(socket, closed);
  }
  return closed;
}
