import { Ollama } from 'ollama';
import { OllamaChatModel } from '@rivulet/ollama';
import { startMockOllamaServer } from '@rivulet/ollama/testing';
import { httpStreamCase } from './http-stream-case.js';

const messages = [{ role: 'user' as const, content: 'Tell me about rivers' }];

/** `OllamaChatModel.stream` against iterating the raw `ollama` client's chat stream of the same response. */
export const httpStreamOllama = httpStreamCase({
  id: 'http-stream-ollama',
  peer: 'ollama client',
  wire: 'NDJSON lines from startMockOllamaServer',
  async start(text, chunkSize) {
    const server = await startMockOllamaServer({ text, chunkSize });
    const model = new OllamaChatModel({ model: 'mock-model', host: server.url, maxRetries: 0 });
    const client = new Ollama({ host: server.url });
    return {
      async rivulet() {
        let received = '';
        for await (const chunk of model.stream(messages)) received += chunk.text;
        return received;
      },
      async raw() {
        let received = '';
        // The same request body OllamaChatModel sends.
        for await (const part of await client.chat({ model: 'mock-model', messages, stream: true })) received += part.message.content;
        return received;
      },
      close: () => server.close(),
    };
  },
});
