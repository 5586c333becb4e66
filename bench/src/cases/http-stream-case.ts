import type { BenchCase, CaseResult, RunSettings } from '../bench-case.js';
import { measureRounds } from '../measure.js';

/** Chunks per streamed response, and characters per chunk, in every `http-stream` case. */
export const HTTP_STREAM_CHUNKS = 2_000;
export const HTTP_STREAM_CHUNK_SIZE = 4;

/** One provider's side of an `http-stream` case. */
export interface HttpStreamSubject {
  /** Rivulet's model streaming the response: resolves to the text received. */
  readonly rivulet: () => Promise<string>;
  /** The raw official SDK (or client) reading the same response: resolves to the text received. */
  readonly raw: () => Promise<string>;
  readonly close: () => Promise<void>;
}

/** What an `http-stream` case needs to know about its provider. */
export interface HttpStreamCaseOptions {
  readonly id: string;
  /** The peer's name in the report, e.g. `openai SDK`. */
  readonly peer: string;
  /** Starts the provider's mock server streaming `text` in `chunkSize` pieces, and the two readers on it. */
  readonly start: (text: string, chunkSize: number) => Promise<HttpStreamSubject>;
  /** What the chunks are on the wire, for the notes, e.g. `SSE chunks from startMockOpenAIServer`. */
  readonly wire: string;
}

/**
 * A bench case of ms per streamed response over loopback HTTP: a provider's
 * Rivulet model against iterating its raw official SDK on the same response
 * from the same mock server (in the same process, identical for both), each
 * chunk's text read by the consumer.
 */
export function httpStreamCase(options: HttpStreamCaseOptions): BenchCase {
  return {
    id: options.id,
    async run(settings: RunSettings): Promise<CaseResult> {
      const text = 'flow'.repeat(HTTP_STREAM_CHUNKS);
      const subject = await options.start(text, HTTP_STREAM_CHUNK_SIZE);
      const checked = (read: () => Promise<string>) => async (): Promise<void> => {
        const received = await read();
        if (received.length !== text.length) throw new Error(`${options.id}: expected ${text.length} characters, got ${received.length}`);
      };
      try {
        const timings = await measureRounds(
          { rivulet: checked(subject.rivulet), raw: checked(subject.raw) },
          // Cheap, and noisier than the rest (two event loops' worth of scheduling, and the garbage of
          // both in one heap): more samples, over at least 6 s, so a burst of load skews a few of them.
          { ...settings, repetitions: Math.max(settings.repetitions, 15), minDurationMs: settings.quick ? 1_000 : 6_000 },
        );
        return {
          id: options.id,
          unit: 'ms/response',
          rivulet: timings.rivulet,
          peers: { [options.peer]: timings.raw },
          params: { chunks: HTTP_STREAM_CHUNKS, chunkSize: HTTP_STREAM_CHUNK_SIZE },
          notes: `${HTTP_STREAM_CHUNKS} ${options.wire} of ${HTTP_STREAM_CHUNK_SIZE} characters on loopback (server in the same process, identical for both), each chunk's text read by the consumer.`,
        };
      } finally {
        await subject.close();
      }
    },
  };
}
