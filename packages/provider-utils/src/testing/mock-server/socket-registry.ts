import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Keeps every open socket of a server so `close()` can destroy them:
 * `server.close()` alone waits for keep-alive and stalled connections, which
 * is how test suites hang.
 */
export class SocketRegistry {
  readonly #sockets = new Set<Socket>();

  /** Starts tracking the connections of `server`. */
  constructor(server: Server) {
    server.on('connection', (socket: Socket) => {
      this.#sockets.add(socket);
      socket.once('close', () => this.#sockets.delete(socket));
    });
  }

  /** Destroys every open socket. */
  destroyAll(): void {
    for (const socket of this.#sockets) socket.destroy();
    this.#sockets.clear();
  }
}
