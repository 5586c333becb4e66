import type { ChatModel } from '@rivulet/models';
import { structuredParser } from '@rivulet/parsers';
import { chatPrompt } from '@rivulet/prompts';
import { TripPlan } from './trip-plan.js';

const instructions = `You plan trips. Answer with JSON only, no prose, shaped as
{{"destination": string, "summary": string, "days": [{{"day": number, "title": string, "activities": [string]}}]}}.`;

/**
 * prompt → model → structured parser: the model's JSON is parsed as it
 * streams, into snapshots of a growing, schema-checked trip plan.
 */
export function tripChain(model: ChatModel) {
  const prompt = chatPrompt([
    ['system', instructions],
    ['human', 'Plan a {days}-day trip to {destination}.'],
  ]);
  return prompt.pipe(model).pipe(structuredParser(TripPlan));
}

/** The chain's type: a page imports it type-only (`RemoteRunnable<TripChain>`, `useRunnable<TripChain>`) and bundles none of its code. */
export type TripChain = ReturnType<typeof tripChain>;
