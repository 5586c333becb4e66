/**
 * Chat: a conversation that remembers. `withMessageHistory` reads the
 * session's earlier turns from a store before each run, and appends the new
 * question and the reply once the run succeeds. Two sessions show that each
 * has its own memory.
 *
 * Offline by default (the embedded mock OpenAI server, which answers from
 * the earlier turns it is sent); a real endpoint with OPENAI_API_KEY (and
 * optionally OPENAI_BASE_URL, RIVULET_MODEL).
 *
 *   pnpm --filter @rivulet/example-chat start
 */
import { InMemoryMessageStore, withMessageHistory } from '@rivulet/core';
import { OpenAIChatModel } from '@rivulet/openai';
import { startMockOpenAIServer } from '@rivulet/openai/testing';
import { chatPrompt, placeholder } from '@rivulet/prompts';
import { rememberingReply } from './remembering-reply.js';

const online = Boolean(process.env['OPENAI_API_KEY'] || process.env['OPENAI_BASE_URL']);
const mock = online ? undefined : await startMockOpenAIServer(rememberingReply);
const model = new OpenAIChatModel({
  model: process.env['RIVULET_MODEL'] ?? 'gpt-4o-mini',
  ...(mock && { apiKey: 'mock-key', baseURL: mock.url }),
});

// The history goes into the placeholder; `question` holds the new message.
const prompt = chatPrompt([
  ['system', 'You are a friendly travel assistant. Answer in one or two sentences.'],
  placeholder('history'),
  ['human', '{question}'],
]);
const store = new InMemoryMessageStore();
const chat = withMessageHistory(prompt.pipe(model), { store, inputKey: 'question', historyKey: 'history' });

const conversations: [session: string, question: string][] = [
  ['ada', "Hi, I'm Ada and I'm planning a trip to Lisbon."],
  ['ada', 'What should I eat there?'],
  ['grace', "What's my name?"], // another session: nothing of Ada's conversation
  ['ada', "Remind me: what's my name, and where am I going?"],
];

try {
  for (const [sessionId, question] of conversations) {
    console.log(`[${sessionId}] you: ${question}`);
    process.stdout.write(`[${sessionId}] assistant: `);
    // The reply streams as usual; the turn is stored once it is complete.
    for await (const chunk of chat.stream({ question }, { configurable: { sessionId } })) process.stdout.write(chunk.text);
    process.stdout.write('\n\n');
  }
  for (const sessionId of ['ada', 'grace']) {
    const messages = await store.getMessages(sessionId);
    console.log(`stored for ${sessionId}: ${messages.length} messages (${messages.map((m) => m.role).join(', ')})`);
  }
} finally {
  await mock?.close();
}
