import OpenAI from 'openai';
import { OpenAIResponsesModel } from '@rivulet/openai';
import { startMockOpenAIServer } from '@rivulet/openai/testing';
import { httpStreamCase } from './http-stream-case.js';

/** `OpenAIResponsesModel.stream` against iterating the raw `openai` SDK's `responses.create({ stream: true })` of the same response. */
export const httpStreamResponses = httpStreamCase({
  id: 'http-stream-responses',
  peer: 'openai SDK',
  wire: 'Responses API SSE events from startMockOpenAIServer',
  async start(text, chunkSize) {
    const server = await startMockOpenAIServer({ text, chunkSize });
    const model = new OpenAIResponsesModel({ model: 'mock-model', apiKey: 'test', baseURL: server.url, maxRetries: 0 });
    const client = new OpenAI({ apiKey: 'test', baseURL: server.url, maxRetries: 0 });
    return {
      async rivulet() {
        let received = '';
        for await (const chunk of model.stream('Tell me about rivers')) received += chunk.text;
        return received;
      },
      async raw() {
        let received = '';
        // The same request body OpenAIResponsesModel sends.
        const stream = await client.responses.create({ model: 'mock-model', input: [{ role: 'user', content: 'Tell me about rivers' }], stream: true, store: false });
        for await (const event of stream) if (event.type === 'response.output_text.delta') received += event.delta;
        return received;
      },
      close: () => server.close(),
    };
  },
});
