import { simulateReadableStream } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';

/** A stream part of the V3 model contract (the type is not exported by `ai` under a stable name). */
type StreamPart = Awaited<ReturnType<MockLanguageModelV3['doStream']>>['stream'] extends ReadableStream<infer P> ? P : never;

const usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 10, text: 10, reasoning: undefined },
};

/**
 * The AI SDK's mock model streaming `deltas` as one text part. Delays are
 * `null`, not 0: with 0, `simulateReadableStream` still waits on a timer per
 * chunk, which would measure the event loop instead of the SDK.
 */
export function aiSdkMockModel(deltas: readonly string[]): MockLanguageModelV3 {
  return new MockLanguageModelV3({
    doStream: async () => ({
      stream: simulateReadableStream<StreamPart>({
        chunks: [
          { type: 'stream-start', warnings: [] },
          { type: 'text-start', id: 'text' },
          ...deltas.map((delta): StreamPart => ({ type: 'text-delta', id: 'text', delta })),
          { type: 'text-end', id: 'text' },
          { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage },
        ],
        initialDelayInMs: null,
        chunkDelayInMs: null,
      }),
    }),
  });
}
