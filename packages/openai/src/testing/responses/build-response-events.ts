import { jsonEvent, type WireEvent } from '@rivulet/provider-utils/testing';
import { responseEnvelope } from './response-envelope.js';
import { responseOutput, type ResponseEventFields } from './response-output-items.js';
import type { ResponsePlan } from './plan-response.js';

/**
 * Every event of a streamed response in OpenAI's order, numbered by
 * `sequence_number` and named by `event:` as OpenAI does:
 * `response.created`, `response.in_progress`, the output items' events, then
 * `response.completed` or `response.incomplete` (left out for a truncated
 * stream).
 */
export function buildResponseEvents(plan: ResponsePlan): WireEvent[] {
  const { events, items } = responseOutput(plan);
  const all: ResponseEventFields[] = [
    { type: 'response.created', response: responseEnvelope(plan, 'in_progress', []) },
    { type: 'response.in_progress', response: responseEnvelope(plan, 'in_progress', []) },
    ...events,
  ];
  if (!plan.omitTerminal) all.push({ type: `response.${terminalStatus(plan)}`, response: responseEnvelope(plan, terminalStatus(plan), items) });
  return all.map((event, sequence) => jsonEvent({ ...event, sequence_number: sequence }, event.type));
}

/** The finished `response` object of a plan: what a request that asked for no stream gets. */
export function finalResponse(plan: ResponsePlan): Record<string, unknown> {
  return responseEnvelope(plan, terminalStatus(plan), responseOutput(plan).items);
}

function terminalStatus(plan: ResponsePlan): 'completed' | 'incomplete' {
  return plan.incomplete === undefined ? 'completed' : 'incomplete';
}
