/**
 * Quickstart: stream a chat model's reply, then generate two replies at once
 * with `batch`.
 *
 * Offline by default: an embedded mock of the OpenAI API (a real HTTP server on
 * loopback) answers. Set OPENAI_API_KEY (and optionally OPENAI_BASE_URL and
 * RIVULET_MODEL) to talk to a real OpenAI-compatible endpoint instead.
 *
 *   pnpm --filter @rivulet/example-quickstart start
 */
import { OpenAIChatModel } from '@rivulet/openai';
import { startMockOpenAIServer } from '@rivulet/openai/testing';

const online = Boolean(process.env['OPENAI_API_KEY'] || process.env['OPENAI_BASE_URL']);

// The mock picks its reply from the request, streaming a few characters at a time.
const mock = online
  ? undefined
  : await startMockOpenAIServer((request) => ({
      text: request.rawBody.includes('haiku about the sea')
        ? 'Salt wind, grey water;\nthe tide keeps its old promise,\ncoming back, leaving.'
        : request.rawBody.includes('haiku about a river')
          ? 'Snowmelt finds the sea;\nevery stone it passes by\nlearns the shape of time.'
          : 'Rivers meander because water flows faster on the outside of a bend. ' +
            'It erodes that bank and drops sand on the inside, so every bend grows a little wider, ' +
            'until the loop is cut off and becomes an oxbow lake.',
      chunkSize: 4,
      delayMs: 10,
    }));

// Without apiKey/baseURL the model reads OPENAI_API_KEY and OPENAI_BASE_URL.
const model = new OpenAIChatModel({
  model: process.env['RIVULET_MODEL'] ?? 'gpt-4o-mini',
  ...(mock && { apiKey: 'mock-key', baseURL: mock.url }),
});
console.log(online ? `Model: ${model.name} (real endpoint)\n` : `Model: ${model.name} on the embedded mock at ${mock?.url}\n`);

try {
  // OpenAI-style message objects work as they are; `as const` keeps the roles literal.
  const messages = [
    { role: 'system', content: 'You explain nature to curious people in three sentences.' },
    { role: 'user', content: 'Why do rivers meander?' },
  ] as const;

  // 1. Stream: each chunk is an AIMessageChunk whose `content` is a text delta.
  for await (const chunk of model.stream(messages)) process.stdout.write(chunk.content);
  process.stdout.write('\n\n');

  // 2. Batch: one run per input, in parallel, results in input order.
  const haikus = await model.batch(['Write a haiku about a river.', 'Write a haiku about the sea.'], { maxConcurrency: 2 });
  haikus.forEach((reply, i) => console.log(`Haiku ${i + 1}:\n${reply.text}\n`));

  // `invoke` and `batch` give the concatenation of the chunks: content plus usage and finish reason.
  const usage = haikus[0]?.usage;
  if (usage) console.log(`(first haiku: ${usage.inputTokens} tokens in, ${usage.outputTokens} out, finished: ${haikus[0]?.finishReason})`);
} finally {
  await mock?.close();
}
