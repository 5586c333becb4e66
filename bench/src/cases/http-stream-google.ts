import { GoogleGenAI } from '@google/genai';
import { GoogleChatModel } from '@rivulet/google';
import { startMockGoogleServer } from '@rivulet/google/testing';
import { httpStreamCase } from './http-stream-case.js';

/** `GoogleChatModel.stream` against iterating the raw `@google/genai` `generateContentStream` of the same response. */
export const httpStreamGoogle = httpStreamCase({
  id: 'http-stream-google',
  peer: '@google/genai SDK',
  wire: 'SSE chunks from startMockGoogleServer',
  async start(text, chunkSize) {
    const server = await startMockGoogleServer({ text, chunkSize });
    const model = new GoogleChatModel({ model: 'gemini-mock', apiKey: 'test-key', baseURL: server.url, maxRetries: 0 });
    const client = new GoogleGenAI({ apiKey: 'test-key', httpOptions: { baseUrl: server.url } });
    return {
      async rivulet() {
        let received = '';
        for await (const chunk of model.stream('Tell me about rivers')) received += chunk.text;
        return received;
      },
      async raw() {
        let received = '';
        // The same request GoogleChatModel sends (one user turn, no continuation hops).
        const stream = await client.models.generateContentStream({ model: 'gemini-mock', contents: 'Tell me about rivers', config: { automaticContinuation: false } });
        for await (const chunk of stream) received += chunk.candidates?.[0]?.content?.parts?.[0]?.text ?? '';
        return received;
      },
      close: () => server.close(),
    };
  },
});
