import type { MockOpenAIServer } from '@rivulet/openai/testing';
import { createHandler } from '@rivulet/server';
import { serveApp, type ServedApp } from '@rivulet/example-web/serve-app';
import { startExampleModel } from './chat-model.js';

/** The running example. */
export interface ChatApp extends ServedApp {
  /** The offline model server (absent with a real API key): its `requests` show what the model was sent, and whether a run was stopped. */
  readonly mock: MockOpenAIServer | undefined;
}

const page = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><link rel="icon" href="data:,"><title>useChat on Rivulet</title></head>
  <body><div id="root"></div><script type="module" src="/chat-page.js"></script></body>
</html>`;

/**
 * Starts the example: a `useChat` page, its bundled script
 * (`browser/chat-page.tsx`: React, `@ai-sdk/react`, `ai`), and a Rivulet
 * chat model answering it at `/api/chat` in the AI SDK's UI message stream
 * protocol.
 */
export async function startChatApp(options: { readonly port?: number; readonly delayMs?: number } = {}): Promise<ChatApp> {
  const example = await startExampleModel(options);
  const app = await serveApp({
    page,
    script: { path: '/chat-page.js', entry: new URL('./browser/chat-page.tsx', import.meta.url) },
    api: { '/api/': createHandler(example.model, { protocol: 'ai-sdk-ui' }) },
    port: options.port,
    onClose: () => example.close(),
  });
  return { url: app.url, mock: example.mock, close: () => app.close() };
}
