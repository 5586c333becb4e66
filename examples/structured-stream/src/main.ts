/**
 * Structured output while it streams:
 * 1. `model.withStructuredOutput(schema)`: typed partial objects that grow
 *    chunk by chunk, then the validated object;
 * 2. prompt → model → `elementsParser`: the items of a JSON array, one by one,
 *    each validated the moment it is complete.
 *
 * Offline by default (the embedded mock OpenAI server); a real endpoint with
 * OPENAI_API_KEY (and optionally OPENAI_BASE_URL, RIVULET_MODEL).
 *
 *   pnpm --filter @rivulet/example-structured-stream start
 */
import { z } from 'zod';
import { OpenAIChatModel } from '@rivulet/openai';
import { startMockOpenAIServer } from '@rivulet/openai/testing';
import { elementsParser } from '@rivulet/parsers';
import { chatPrompt } from '@rivulet/prompts';

const Recipe = z.object({
  name: z.string(),
  minutes: z.number().int(),
  ingredients: z.array(z.object({ item: z.string(), amount: z.string() })),
});

const Step = z.object({ step: z.number().int(), instruction: z.string() });

const recipe: z.output<typeof Recipe> = {
  name: 'River trout with lemon',
  minutes: 25,
  ingredients: [
    { item: 'trout fillets', amount: '2' },
    { item: 'lemon', amount: '1' },
    { item: 'butter', amount: '30 g' },
  ],
};
const steps: z.output<typeof Step>[] = [
  { step: 1, instruction: 'Pat the fillets dry and season them.' },
  { step: 2, instruction: 'Brown the butter in a wide pan.' },
  { step: 3, instruction: 'Fry the fish skin side down for four minutes, then turn it.' },
  { step: 4, instruction: 'Finish with lemon juice and serve at once.' },
];

const online = Boolean(process.env['OPENAI_API_KEY'] || process.env['OPENAI_BASE_URL']);
const soup: z.output<typeof Recipe> = {
  name: 'Fish soup',
  minutes: 40,
  ingredients: [
    { item: 'white fish', amount: '400 g' },
    { item: 'leek', amount: '1' },
  ],
};

// The mock picks its reply from the request. Models often wrap JSON in a code fence: the parsers skip it.
const mock = online
  ? undefined
  : await startMockOpenAIServer((request) =>
      request.rawBody.includes('steps to cook')
        ? { text: '```json\n' + JSON.stringify({ steps }, null, 2) + '\n```', chunkSize: 12, delayMs: 10 }
        : { text: JSON.stringify(request.rawBody.includes('soup') ? soup : recipe), chunkSize: 9, delayMs: 15 },
    );
const model = new OpenAIChatModel({
  model: process.env['RIVULET_MODEL'] ?? 'gpt-4o-mini',
  ...(mock && { apiKey: 'mock-key', baseURL: mock.url }),
});

try {
  // 1. Partial objects. Each chunk is a snapshot typed DeepPartial<Recipe>: every
  // field may still be missing, and a string may be half written.
  console.log('1. withStructuredOutput: the object as it grows\n');
  const recipes = model.withStructuredOutput(Recipe); // asks for the provider's strict JSON Schema mode
  for await (const partial of recipes.stream('A quick recipe for river fish.')) {
    const ingredients = partial.ingredients?.length ?? 0; // typed: number | undefined while it streams
    console.log(`  ${String(ingredients).padStart(2)} ingredients | ${JSON.stringify(partial)}`);
  }

  // `invoke` resolves to the last snapshot, validated by the whole schema, fully typed.
  const dinner = await recipes.invoke('A recipe for a fish soup.');
  console.log(`\n  invoke: ${dinner.name}, ${dinner.minutes} minutes, with ${dinner.ingredients.map((i) => i.item).join(' and ')}\n`);

  // 2. Array elements, one at a time: each chunk is one step, as soon as it is complete and valid.
  console.log('2. elementsParser: one step at a time\n');
  const prompt = chatPrompt([
    ['system', 'Reply with JSON only: {{"steps": [{{"step": number, "instruction": string}}]}}.'],
    ['human', 'The steps to cook {dish}.'],
  ]);
  const chain = prompt.pipe(model.withOptions({ responseFormat: { type: 'json' } })).pipe(elementsParser(Step, { path: '/steps' }));
  const started = performance.now();
  for await (const s of chain.stream({ dish: recipe.name })) {
    console.log(`  +${(performance.now() - started).toFixed(0).padStart(4)} ms  ${s.step}. ${s.instruction}`);
  }
} finally {
  await mock?.close();
}
