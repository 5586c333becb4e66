/**
 * `pnpm demo`: prompt → OpenAIChatModel → structured parser, rendering the
 * JSON object as it fills in, then a token and latency summary. Offline by
 * default (the embedded mock OpenAI server); a real endpoint with
 * OPENAI_API_KEY / OPENAI_BASE_URL / RIVULET_MODEL.
 */
import { isReplyEnd, type AIMessageChunk, type RunEvent } from '@rivulet/core';
import { structuredParser } from '@rivulet/parsers';
import { chatPrompt } from '@rivulet/prompts';
import { demoModel } from './model.js';
import { createRenderer } from './render.js';
import { tripPlan } from './trip.js';

const prompt = chatPrompt([
  ['system', 'You plan trips. Reply with only JSON: {{ "city": string, "summary": string, "days": [{{ "day": number, "title": string, "activities": string[] }}] }}.'],
  ['human', 'Plan {days} days in {city}.'],
]);

const { model, description, close } = await demoModel();
console.log(`Model: ${description}\n`);

const chain = prompt.pipe(model).pipe(structuredParser(tripPlan));
let reply: AIMessageChunk | undefined;
const onEnd = (event: RunEvent): void => {
  if (isReplyEnd(event)) reply = event.data.output;
};

const renderer = createRenderer(process.stdout);
const started = performance.now();
let firstAt: number | undefined;
let last: unknown;
try {
  for await (const partial of chain.stream({ days: '3', city: 'Lisbon' }, { callbacks: { onEnd } })) {
    firstAt ??= performance.now() - started;
    last = partial;
    renderer.update(partial);
  }
  renderer.done(last);
  const total = performance.now() - started;
  const usage = reply?.usage;
  console.log(
    `\nfirst field after ${firstAt?.toFixed(0)} ms, complete after ${total.toFixed(0)} ms` +
      (usage ? `; tokens: ${usage.inputTokens} in, ${usage.outputTokens} out` : ''),
  );
} finally {
  await close();
}
