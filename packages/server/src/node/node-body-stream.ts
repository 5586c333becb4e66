import type { IncomingMessage } from 'node:http';

/**
 * A request body as a Web `ReadableStream`, with backpressure: the socket is
 * paused while the consumer is behind. Cancelling (a body over the size
 * limit) stops reading without destroying the socket, so an answer can still
 * be sent on it; `Readable.toWeb` would destroy it.
 */
export function nodeBodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  let detach = (): void => undefined;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const onData = (chunk: Buffer): void => {
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        };
        const onEnd = (): void => {
          detach();
          controller.close();
        };
        const onError = (error: Error): void => {
          detach();
          controller.error(error);
        };
        detach = () => {
          req.off('data', onData).off('end', onEnd).off('error', onError);
        };
        req.on('data', onData).on('end', onEnd).on('error', onError);
      },
      pull() {
        req.resume();
      },
      cancel() {
        detach();
        req.pause();
      },
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );
}
