import { createServer, connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** A TCP proxy on loopback that cuts event streams after so many bytes, as a flaky network would. */
export interface CuttingProxy {
  /** `http://127.0.0.1:<port>`: use it in place of the target's origin. */
  readonly origin: string;
  /** Event-stream responses cut so far. */
  readonly cuts: number;
  close(): Promise<void>;
}

/**
 * Forwards every connection to `target` (`host:port`) and, for the n-th
 * response that is an event stream, destroys both sockets once
 * `cutAfterBytes[n]` bytes of it went through (later ones are left whole),
 * so the client sees its connection drop mid-stream.
 */
export async function startCuttingProxy(target: URL | string, cutAfterBytes: readonly number[]): Promise<CuttingProxy> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  let streams = 0;
  let cuts = 0;
  const server = createServer((client) => {
    const upstream = connect(Number(port), hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.pipe(upstream);
    let budget = Infinity; // bytes of the current event stream left before the cut
    let head = '';
    upstream.on('data', (data: Buffer) => {
      if (budget === Infinity && head.length < 4096) {
        head += data.toString('latin1');
        if (/\r\ncontent-type: text\/event-stream/i.test(head)) {
          const cut = cutAfterBytes[streams++];
          if (cut !== undefined) budget = cut;
          head = '';
        }
      }
      if (data.length < budget) {
        budget -= data.length;
        client.write(data);
        return;
      }
      client.write(data.subarray(0, budget));
      cuts++;
      client.destroy();
      upstream.destroy();
    });
    upstream.on('end', () => client.end());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get cuts() {
      return cuts;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
