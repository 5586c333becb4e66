/**
 * Batch: classify many reviews with a structured-output chain, at most
 * `maxConcurrency` requests at a time.
 * - `batchAsCompleted` reports each outcome as its run finishes, in completion
 *   order, which drives a progress bar; a failure is an outcome, not a crash.
 * - `batch` returns outputs in input order (`returnExceptions` keeps failures).
 *
 * Offline by default (the embedded mock OpenAI server, which takes a varying
 * time per request and refuses one review); a real endpoint with
 * OPENAI_API_KEY (and optionally OPENAI_BASE_URL, RIVULET_MODEL).
 *
 *   pnpm --filter @rivulet/example-batch start
 */
import { z } from 'zod';
import { ProviderError } from '@rivulet/core';
import { OpenAIChatModel } from '@rivulet/openai';
import { startMockOpenAIServer } from '@rivulet/openai/testing';
import { chatPrompt } from '@rivulet/prompts';

const reviews = [
  'The kayak tour was wonderful, our guide knew every bend of the river.',
  'Boat left forty minutes late and nobody told us why.',
  'Decent picnic spot, a bit crowded at noon.',
  'Loved the sunset cruise! Would book again.',
  'The life jackets were torn and smelled of mould.',
  'Fine. The map could be clearer.',
  'Best rafting day of my life, the rapids were thrilling.',
  'Refund still not processed after three weeks.',
  'Quiet riverside cabin, exactly as pictured.',
  'Average food, friendly staff.',
  'The ferry was clean and on time.',
  'Too many mosquitoes, nobody warned us.',
  'SPAM SPAM SPAM buy cheap watches',
  'Great fishing spot, caught two trout before breakfast.',
  'The bridge walk is nice but the signs are confusing.',
  'Staff were rude when we asked about parking.',
];

const Review = z.object({
  sentiment: z.enum(['positive', 'neutral', 'negative']),
  topic: z.string(),
});

// Offline, the mock classifies by keyword, answers after 20-200 ms, and refuses spam with a 400.
function classify(text: string): z.output<typeof Review> {
  const positive = /wonderful|loved|best|great|exactly|clean|thrilling/i.test(text);
  const negative = /late|torn|refund|rude|mosquitoes|confusing/i.test(text);
  const topic = /boat|ferry|cruise|kayak|rafting/i.test(text) ? 'boats' : /staff|guide/i.test(text) ? 'people' : 'place';
  return { sentiment: positive ? 'positive' : negative ? 'negative' : 'neutral', topic };
}
const online = Boolean(process.env['OPENAI_API_KEY'] || process.env['OPENAI_BASE_URL']);
let inFlight = 0;
let mostInFlight = 0;
const mock = online
  ? undefined
  : await startMockOpenAIServer(async (request) => {
      const review = reviews.find((r) => request.rawBody.includes(JSON.stringify(r).slice(1, -1))) ?? '';
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      void request.settled.then(() => inFlight--);
      if (review.includes('SPAM')) return { status: 400, error: { code: 'content_policy', message: 'This input was refused.' } };
      return { text: JSON.stringify(classify(review)), delayMs: 10 + Math.floor(Math.random() * 30), chunkSize: 6 };
    });

const model = new OpenAIChatModel({
  model: process.env['RIVULET_MODEL'] ?? 'gpt-4o-mini',
  temperature: 0,
  ...(mock && { apiKey: 'mock-key', baseURL: mock.url }),
});
const chain = chatPrompt([
  ['system', 'Classify the customer review: its sentiment, and its topic in one word.'],
  ['human', '{review}'],
]).pipe(model.withStructuredOutput(Review));

const inputs = reviews.map((review) => ({ review }));

function bar(done: number, total: number, width = 30): string {
  const filled = Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(done).padStart(2)}/${total}`;
}

try {
  // 1. Outcomes as they complete. On a terminal the bar redraws in place; in a log, one line each.
  console.log(`Classifying ${inputs.length} reviews, at most 4 at a time\n`);
  const outputs = new Array<z.output<typeof Review> | Error>(inputs.length);
  let done = 0;
  for await (const { index, output, error } of chain.batchAsCompleted(inputs, { maxConcurrency: 4 })) {
    done++;
    outputs[index] = error ?? (output as z.output<typeof Review>);
    const line = `${bar(done, inputs.length)}  #${String(index + 1).padStart(2)} ${error ? 'failed' : output?.sentiment}`;
    if (process.stdout.isTTY) process.stdout.write(`\r${line.padEnd(70)}`);
    else console.log(line);
  }
  if (process.stdout.isTTY) process.stdout.write('\n');

  // The outcomes, back in input order.
  console.log();
  outputs.forEach((outcome, i) => {
    const label = outcome instanceof Error ? `error: ${ProviderError.isInstance(outcome) ? `${outcome.status} ${outcome.code}` : outcome.message}` : `${outcome.sentiment} (${outcome.topic})`;
    console.log(`${String(i + 1).padStart(2)}. ${label.padEnd(28)} ${reviews[i]}`);
  });
  if (mock) console.log(`\nThe mock server never had more than ${mostInFlight} requests in flight.`);

  // 2. `batch`: one promise, outputs in input order. Without `returnExceptions`, the first failure rejects it.
  const firstThree = await chain.batch(inputs.slice(0, 3), { maxConcurrency: 2 });
  console.log(`\nbatch of 3, in order: ${firstThree.map((r) => r.sentiment).join(', ')}`);
} finally {
  await mock?.close();
}
