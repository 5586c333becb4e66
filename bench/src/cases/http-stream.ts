import OpenAI from 'openai';
import { OpenAIChatModel } from '@rivulet/models';
import { startMockOpenAIServer } from '@rivulet/models/testing';
import type { BenchCase } from '../bench-case.js';
import { measureRounds } from '../measure.js';

const chunkCount = 2_000;
const chunkSize = 4;

/**
 * ms per streamed response over loopback HTTP: `OpenAIChatModel.stream`
 * against iterating the raw `openai` SDK stream of the same response from the
 * same mock server (the SDK is what `OpenAIChatModel` uses underneath).
 */
export const httpStream: BenchCase = {
  id: 'http-stream',
  async run(settings) {
    const text = 'flow'.repeat(chunkCount);
    const server = await startMockOpenAIServer({ text, chunkSize });
    try {
      const messages = [{ role: 'user' as const, content: 'Tell me about rivers' }];
      const model = new OpenAIChatModel({ model: 'mock-model', apiKey: 'test', baseURL: server.url, maxRetries: 0 });
      const client = new OpenAI({ apiKey: 'test', baseURL: server.url, maxRetries: 0 });
      const check = (received: string): void => {
        if (received.length !== text.length) throw new Error(`expected ${text.length} characters, got ${received.length}`);
      };
      const timings = await measureRounds(
        {
          rivulet: async () => {
            let received = '';
            for await (const chunk of model.stream(messages)) received += chunk.text;
            check(received);
          },
          sdk: async () => {
            let received = '';
            // The same request body OpenAIChatModel sends (usage included).
            const stream = await client.chat.completions.create({ model: 'mock-model', messages, stream: true, stream_options: { include_usage: true } });
            for await (const chunk of stream) received += chunk.choices[0]?.delta.content ?? '';
            check(received);
          },
        },
        // Cheap, and noisier than the rest (two event loops' worth of scheduling): more samples.
        { ...settings, repetitions: Math.max(settings.repetitions, 15) },
      );
      return {
        id: this.id,
        unit: 'ms/response',
        rivulet: timings.rivulet,
        peers: { 'openai SDK': timings.sdk },
        params: { chunks: chunkCount, chunkSize },
        notes: `${chunkCount} SSE chunks of ${chunkSize} characters from startMockOpenAIServer on loopback (server in the same process, identical for both), each chunk's text read by the consumer.`,
      };
    } finally {
      await server.close();
    }
  },
};
