import { AIMessageChunk, lambda, ProviderError, type RunContext } from '@rivulet/core';
import { structuredParser } from '@rivulet/parsers';
import { sleep } from '@rivulet/test-kit';
import { Plan, samplePlan, type PlanRequest } from './plan.js';

/** How many runs of each chain started, were cancelled before their end, and finished: what the server saw. */
export interface RunCounts {
  started: number;
  cancelled: number;
  finished: number;
}

/** Counts per chain name, read through the test server's `GET /stats`. */
export const counts: Record<string, RunCounts> = {};

// Counts one run and ends its pauses when the run is cancelled.
function track(name: string, ctx: RunContext): { pause(ms: number): Promise<void>; finish(): void } {
  const entry = (counts[name] ??= { started: 0, cancelled: 0, finished: 0 });
  entry.started++;
  let finished = false;
  ctx.signal.addEventListener('abort', () => void (finished || entry.cancelled++), { once: true });
  return {
    pause: (ms) => sleep(ms, ctx.signal),
    finish: () => {
      finished = true;
      entry.finished++;
    },
  };
}

/** A stand-in for a model writing a plan as JSON text, piece by piece; `failAfter` pieces, it fails. */
const planWriter = lambda(async function* (request: PlanRequest, ctx: RunContext) {
  const run = track('plan', ctx);
  const text = JSON.stringify(samplePlan(request.days), null, 1);
  const size = request.pieceSize ?? 8;
  for (let at = 0, piece = 0; at < text.length; at += size, piece++) {
    if (request.failAfter !== undefined && piece === request.failAfter) throw new ProviderError('The model went away.', { provider: 'test', status: 503 });
    if (request.delayMs) await run.pause(request.delayMs);
    yield text.slice(at, at + size);
  }
  run.finish();
});

/** Structured output: the plan's text parsed into snapshots as it streams. */
export const planChain = planWriter.pipe(structuredParser(Plan));

/** Text deltas: `count` words, one per chunk. */
export const wordsChain = lambda(async function* (input: { count: number; delayMs?: number | undefined }, ctx: RunContext) {
  const run = track('words', ctx);
  for (let i = 0; i < input.count; i++) {
    if (input.delayMs) await run.pause(input.delayMs);
    yield `word${i} `;
  }
  run.finish();
});

/** A model's message chunks, which the hook does not fold: it must say so and close the stream. */
export const messagesChain = lambda(async function* (_input: string, ctx: RunContext) {
  const run = track('messages', ctx);
  for (let i = 0; i < 100; i++) {
    await run.pause(5);
    yield new AIMessageChunk(`piece ${i} `);
  }
  run.finish();
});
