/**
 * Perplexity: an OpenAI-compatible endpoint with web search. `sonar-pro`
 * answers with numbered references, and the sources arrive as provider extras
 * in `responseMetadata.citations` and `responseMetadata.searchResults`, typed
 * by `OpenAIChatModel` (`OpenAIChatMetadata`) and checked when they arrive.
 *
 * Offline by default: the embedded mock OpenAI server answers like Perplexity
 * (its `perplexity` extras). Set PERPLEXITY_API_KEY to ask the real API.
 *
 *   pnpm --filter @rivulet/example-perplexity start
 */
import type { AIMessageChunk } from '@rivulet/core';
import { OpenAIChatModel, type OpenAIChatMetadata } from '@rivulet/openai';
import { startMockOpenAIServer } from '@rivulet/openai/testing';

const apiKey = process.env['PERPLEXITY_API_KEY'];

const mock = apiKey
  ? undefined
  : await startMockOpenAIServer({
      text:
        'The Amazon carries more water than any other river, about a fifth of all river flow into the oceans [1]. ' +
        'By length the Nile and the Amazon are close, and the answer depends on where the Amazon is said to begin [2][3].',
      chunkSize: 6,
      delayMs: 8,
      perplexity: {
        citations: ['https://example.org/amazon-discharge', 'https://example.org/nile-length', 'https://example.org/amazon-source'],
        searchResults: [
          { title: 'Amazon River discharge', url: 'https://example.org/amazon-discharge', date: '2023-03-14' },
          { title: 'How long is the Nile?', url: 'https://example.org/nile-length', date: null },
          { title: 'Where the Amazon begins', url: 'https://example.org/amazon-source' },
        ],
      },
    });

const model = new OpenAIChatModel({
  model: 'sonar-pro',
  providerName: 'perplexity', // the name errors and events carry
  apiKey: apiKey ?? 'mock-key',
  baseURL: mock?.url ?? 'https://api.perplexity.ai',
});
console.log(mock ? `Perplexity answered by the embedded mock at ${mock.url}\n` : 'Perplexity: sonar-pro at api.perplexity.ai\n');

try {
  let reply: AIMessageChunk<OpenAIChatMetadata> | undefined;
  let chunksBeforeSources: number | undefined;
  let chunks = 0;
  for await (const chunk of model.stream([
    { role: 'system', content: 'Be precise and cite your sources.' },
    { role: 'user', content: 'Which river is the largest in the world?' },
  ])) {
    chunks++;
    // Perplexity sends its sources with the first chunks, long before the text is done.
    if (chunksBeforeSources === undefined && chunk.responseMetadata.citations !== undefined) chunksBeforeSources = chunks;
    process.stdout.write(chunk.content);
    reply = reply ? reply.concat(chunk) : chunk; // metadata merges: the latest list wins
  }
  process.stdout.write('\n\n');
  if (!reply) throw new Error('The model sent nothing.');

  // Typed: `citations` is `readonly string[] | undefined`, each search result has a `title` and a `url`.
  const { citations = [], searchResults: results = [] } = reply.responseMetadata;
  console.log(`Sources (known after chunk ${chunksBeforeSources ?? '?'} of ${chunks}):`);
  citations.forEach((url, i) => console.log(`  [${i + 1}] ${url}`));

  if (results.length > 0) {
    console.log('\nSearch results:');
    for (const result of results) console.log(`  - ${result.title}${result.date ? ` (${result.date})` : ''}: ${result.url}`);
  }
  if (reply.usage) console.log(`\nTokens: ${reply.usage.inputTokens} in, ${reply.usage.outputTokens} out`);
} finally {
  await mock?.close();
}
