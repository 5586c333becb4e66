import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A server under test, or the mock model: where it listens, and how to stop it. */
export interface RunningServer {
  /** The base URL its clients use. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * How long both servers under test keep an idle client connection: longer
 * than any pause between two rounds of a contender, so a round never reuses a
 * connection the server is closing (undici would fail that request with
 * "other side closed"; the connections to the mock model, closed after Node's
 * 5 s, are retried by both servers' model clients, as in production).
 */
export const SERVER_KEEP_ALIVE_MS = 300_000;

/** Starts `server` on a free loopback port; its clients use `{origin}/trip`. Closing drops idle keep-alive connections too. */
export async function listenOnLoopback(server: Server): Promise<RunningServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/trip`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
