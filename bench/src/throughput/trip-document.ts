import { samplePlan } from '../../../examples/web/src/sample-plan.js';
import type { TripPlan } from '../../../examples/web/src/trip-plan.js';
import { tripInput } from './trip-request.js';

// The trip planner of the web and React examples: its schema is what the Rivulet side parses with.
export { TripPlan } from '../../../examples/web/src/trip-plan.js';

/** The plan the mock model writes for {@link tripInput}: 10 days. */
export const tripPlan: TripPlan = samplePlan(tripInput.destination, Number(tripInput.days));

/** The model's answer: the plan pretty-printed, as models write JSON (2,366 characters). */
export const tripPlanText = JSON.stringify(tripPlan, null, 2);

/** Characters per content delta of the mock model: about a token's worth. */
export const tripChunkSize = 4;

/**
 * Whether `value` is the plan, field for field and in the same order. A
 * snapshot rebuilt from a parser or from patches keeps the order the keys
 * were written in, so comparing the compact JSON texts is an exact deep
 * equality for this document, and cheap enough to run after every run.
 */
export function isTripPlan(value: unknown): boolean {
  return JSON.stringify(value) === tripPlanJson;
}

const tripPlanJson = JSON.stringify(tripPlan);
