import OpenAI from 'openai';
import { OpenAIChatModel } from '@rivulet/openai';
import { startMockOpenAIServer } from '@rivulet/openai/testing';
import { httpStreamCase } from './http-stream-case.js';

const messages = [{ role: 'user' as const, content: 'Tell me about rivers' }];

/** `OpenAIChatModel.stream` against iterating the raw `openai` SDK's Chat Completions stream of the same response. */
export const httpStream = httpStreamCase({
  id: 'http-stream',
  peer: 'openai SDK',
  wire: 'SSE chunks from startMockOpenAIServer',
  async start(text, chunkSize) {
    const server = await startMockOpenAIServer({ text, chunkSize });
    const model = new OpenAIChatModel({ model: 'mock-model', apiKey: 'test', baseURL: server.url, maxRetries: 0 });
    const client = new OpenAI({ apiKey: 'test', baseURL: server.url, maxRetries: 0 });
    return {
      async rivulet() {
        let received = '';
        for await (const chunk of model.stream(messages)) received += chunk.text;
        return received;
      },
      async raw() {
        let received = '';
        // The same request body OpenAIChatModel sends (usage included).
        const stream = await client.chat.completions.create({ model: 'mock-model', messages, stream: true, stream_options: { include_usage: true } });
        for await (const chunk of stream) received += chunk.choices[0]?.delta.content ?? '';
        return received;
      },
      close: () => server.close(),
    };
  },
});
