import type { ChatModel } from '@rivulet/models';
import { structuredParser } from '@rivulet/parsers';
import { chatPrompt } from '@rivulet/prompts';
import { TripPlan } from './trip-plan.js';

/**
 * prompt → model → structured parser. The page imports this function's type
 * only (`useRunnable<TripChain>`), so it knows the input and the plan's shape
 * without any of this code in its bundle.
 */
export function tripChain(model: ChatModel) {
  return chatPrompt([
    ['system', 'You plan trips. Reply with JSON only: {{"destination": string, "summary": string, "days": [{{"day": number, "title": string, "activities": [string]}}]}}.'],
    ['human', 'Plan a {days}-day trip to {destination}.'],
  ])
    .pipe(model)
    .pipe(structuredParser(TripPlan));
}

/** The served runnable's type, for the page. */
export type TripChain = ReturnType<typeof tripChain>;
