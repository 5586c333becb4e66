/**
 * A custom provider: `ParrotProvider` implements `ChatModelProviderV1` for a
 * tiny line-delimited JSON API (a local node:http server, started here), and
 * `new ChatModel(provider)` turns it into a full runnable: streaming, retries
 * that honour Retry-After, typed errors, composition with prompts and parsers.
 *
 * Always offline: the Parrot API is part of the example.
 *
 *   pnpm --filter @rivulet/example-custom-provider start
 */
import { ProviderError } from '@rivulet/core';
import { ChatModel } from '@rivulet/models';
import { textParser } from '@rivulet/parsers';
import { promptTemplate } from '@rivulet/prompts';
import { ParrotProvider } from './parrot-provider.js';
import { startParrotServer } from './parrot-server.js';

// The server answers its first request with 503 and Retry-After: 1, to show a retry.
const server = await startParrotServer({ busyFirst: true });

const model = new ChatModel(new ParrotProvider('parrot-1', server.url), {
  maxRetries: 2,
  idleTimeout: 5_000,
  retry: { onRetry: (error, attempt, delayMs) => console.log(`(attempt ${attempt} failed: ${(error as Error).message}; retrying in ${delayMs} ms)`) },
});

try {
  // 1. Streaming, with a retry before the first chunk.
  console.log('1. stream');
  for await (const chunk of model.stream([{ role: 'user', content: 'Hello, pretty bird' }])) process.stdout.write(chunk.content);
  process.stdout.write('\n\n');

  // 2. The model composes like any runnable.
  console.log('2. prompt → model → textParser');
  const chain = promptTemplate('Repeat after me: {phrase}').pipe(model).pipe(textParser());
  console.log(`${await chain.invoke({ phrase: 'rivers run to the sea' })}\n`);

  // 3. Typed errors: everything a caller needs to act on the failure.
  console.log('3. a typed error');
  const unknown = new ChatModel(new ParrotProvider('parrot-9000', server.url));
  try {
    await unknown.invoke('Hi');
  } catch (error) {
    if (!ProviderError.isInstance(error)) throw error;
    const { provider, status, code, requestId, retryable } = error;
    console.log(`${error.name}: ${error.message}`);
    console.log(`${JSON.stringify({ provider, status, code, requestId, retryable })}\n`);
  }

  // 4. A failure after the first chunk is final: a retry would show the same words twice.
  console.log('4. an error mid-stream');
  const before = server.requestCount();
  try {
    for await (const chunk of model.stream('Tell me about your feathers')) process.stdout.write(chunk.content);
  } catch (error) {
    if (!ProviderError.isInstance(error)) throw error;
    console.log(`\n${error.message} (code ${error.code}, retryable: ${error.retryable}, requests sent: ${server.requestCount() - before})`);
  }
} finally {
  await server.close();
}
