import { InMemoryCache } from '@rivulet/models';
import { OpenAIChatModel } from '@rivulet/openai';
import { startMockOpenAIServer } from '@rivulet/openai/testing';
import type { BenchCase } from '../bench-case.js';
import { measureRounds } from '../measure.js';
import { scaleTiming } from '../stats/summarize.js';

const chunks = 200;
const callsPerSample = 10;

/**
 * ms per `invoke` of an `OpenAIChatModel` with a cache: a hit (replayed from
 * `InMemoryCache`, no request) against a miss (a new question each call: the
 * request to the loopback mock server, then the store), and the same model
 * with no cache at all.
 */
export const modelCache: BenchCase = {
  id: 'model-cache',
  async run(settings) {
    const text = 'flow'.repeat(chunks);
    const server = await startMockOpenAIServer({ text, chunkSize: 4 });
    try {
      const plain = new OpenAIChatModel({ model: 'mock-model', apiKey: 'test', baseURL: server.url, maxRetries: 0 });
      const cached = plain.withCache(new InMemoryCache({ maxEntries: 1_000_000 }));
      let question = 0;
      let uncachedCalls = 0;
      const calls = (invoke: () => Promise<{ readonly content: string }>) => async () => {
        for (let i = 0; i < callsPerSample; i++) if ((await invoke()).content.length !== text.length) throw new Error('model-cache: wrong reply');
      };
      await cached.invoke('The same question');
      const requestsBefore = server.requests.length;
      const timings = await measureRounds(
        {
          hit: calls(() => cached.invoke('The same question')),
          miss: calls(() => cached.invoke(`Question ${question++}`)),
          uncached: calls(() => (uncachedCalls++, plain.invoke('The same question'))),
        },
        { ...settings, repetitions: Math.max(settings.repetitions, 15) },
      );
      // Misses and uncached calls each made one request; hits made none.
      if (server.requests.length - requestsBefore !== question + uncachedCalls) throw new Error('model-cache: a hit made a request');
      const perCall = 1 / callsPerSample;
      return {
        id: this.id,
        unit: 'ms/call',
        rivulet: scaleTiming(timings.hit, perCall),
        variants: { 'cache miss': scaleTiming(timings.miss, perCall), 'no cache': scaleTiming(timings.uncached, perCall) },
        peers: {},
        params: { chunks, chunkSize: 4 },
        notes: `OpenAIChatModel.invoke of a ${chunks}-chunk reply: a cache hit (InMemoryCache, no request) against a miss (a new question each call: request to startMockOpenAIServer on loopback, then the store) and the same model without a cache.`,
      };
    } finally {
      await server.close();
    }
  },
};
