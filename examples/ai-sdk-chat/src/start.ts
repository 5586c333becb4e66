// `pnpm start`: the page, its script, then one chat turn through the AI SDK's own
// client (`DefaultChatTransport` + `readUIMessageStream`) in Node, then exit.
// `pnpm start -- --serve` keeps it running: open the printed URL.
import { DefaultChatTransport, readUIMessageStream, type UIMessage } from 'ai';
import { startChatApp } from './app.js';

const app = await startChatApp({ delayMs: 2, port: process.argv.includes('--serve') ? Number(process.env['PORT'] ?? 3000) : 0 });
if (process.argv.includes('--serve')) {
  console.log(`useChat page on ${app.url} (${app.mock ? 'offline mock model' : 'OpenAI'}). Ctrl-C to stop.`);
  process.once('SIGINT', () => void app.close().then(() => process.exit(0)));
} else {
  try {
    const script = await fetch(new URL('chat-page.js', app.url));
    console.log(`page script ${script.status} (${(await script.text()).length} bytes)`);
    const transport = new DefaultChatTransport({ api: new URL('api/chat', app.url).href });
    const question: UIMessage = { id: 'q1', role: 'user', parts: [{ type: 'text', text: 'Where do rivers go?' }] };
    const stream = await transport.sendMessages({ chatId: 'demo', messages: [question], trigger: 'submit-message', messageId: undefined, abortSignal: undefined });
    let updates = 0;
    let reply: UIMessage | undefined;
    for await (const message of readUIMessageStream({ stream })) {
      updates += 1;
      reply = message;
    }
    const text = reply?.parts.map((part) => (part.type === 'text' ? part.text : '')).join('');
    console.log(`assistant (${updates} updates): ${text}`);
  } finally {
    await app.close();
  }
}
