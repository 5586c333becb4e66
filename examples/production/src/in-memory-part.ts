import { lambda } from '@rivulet/core';
import { InMemoryCache, rateLimiter } from '@rivulet/models';
import type { OpenAIChatModel } from '@rivulet/openai';
import type { MockOpenAIServer } from '@rivulet/openai/testing';
import { otelCallbacks } from '@rivulet/otel';
import { memoryTracer } from './tracing.js';

/** One process: a cached, rate-limited, traced model. */
export async function inMemoryPart(model: OpenAIChatModel, mock: MockOpenAIServer): Promise<void> {
  console.log('== One process: cache, rate limit, tracing ==');
  // 600 requests a minute, half a second's worth (5) at once: the limiter spaces a burst of calls.
  const limited = model.withCache(new InMemoryCache({ maxEntries: 1_000 })).withRateLimit(rateLimiter({ requestsPerMinute: 600, burst: 0.5 }));

  const questions = ['How long is the Glomma?', 'How long is the Tagus?', 'How long is the Danube?'];
  const before = mock.requests.length;
  for (let round = 1; round <= 2; round++) {
    const answers = await limited.batch(questions);
    console.log(`round ${round}: ${answers.map((answer) => answer.text).join(' | ')}`);
  }
  console.log(`cache: ${questions.length * 2} calls, ${mock.requests.length - before} requests (the second round came from the cache)`);

  const burst = Array.from({ length: 12 }, (_, n) => `Name river number ${n + 1}`);
  const started = performance.now();
  await limited.batch(burst, { maxConcurrency: Infinity });
  const seconds = (performance.now() - started) / 1000;
  console.log(`rate limit: ${burst.length} calls at once, 5 let through, then one every 100 ms: done in ${seconds.toFixed(1)} s`);

  // Tracing: every step of a run becomes a span, the model call with the GenAI conventions.
  const tracing = memoryTracer();
  const chain = lambda((river: string) => `How long is the ${river}?`, { name: 'question' }).pipe(limited);
  await chain.invoke('Rhine', { callbacks: otelCallbacks({ tracer: tracing.tracer }), runName: 'river-facts' });
  console.log('trace of one run:');
  tracing.printTree();
}
