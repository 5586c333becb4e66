import type { ResponsePlan } from './plan-response.js';

/** A response object's status on the wire. */
export type ResponseStatus = 'in_progress' | 'completed' | 'incomplete';

/**
 * The `response` object of a lifecycle event (and of a non-streaming
 * answer), as OpenAI writes it: the request's settings repeated, the output
 * items so far, and usage once finished.
 */
export function responseEnvelope(plan: ResponsePlan, status: ResponseStatus, output: readonly object[]): Record<string, unknown> {
  const { body } = plan;
  const finished = status !== 'in_progress';
  return {
    id: plan.id,
    object: 'response',
    created_at: plan.createdAt,
    status,
    background: false,
    completed_at: status === 'completed' ? Math.floor(Date.now() / 1000) : null,
    error: null,
    incomplete_details: status === 'incomplete' ? { reason: plan.incomplete } : null,
    instructions: body.instructions ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    model: plan.model,
    output,
    parallel_tool_calls: body.parallel_tool_calls ?? true,
    previous_response_id: body.previous_response_id ?? null,
    reasoning: { effort: body.reasoning?.effort ?? null, summary: body.reasoning?.summary ?? null },
    service_tier: 'default',
    store: body.store ?? true,
    temperature: body.temperature ?? 1,
    text: body.text ?? { format: { type: 'text' }, verbosity: 'medium' },
    tool_choice: body.tool_choice ?? 'auto',
    tools: body.tools ?? [],
    top_p: body.top_p ?? 1,
    truncation: body.truncation ?? 'disabled',
    usage: finished ? plan.usage : null,
    user: null,
    metadata: body.metadata ?? {},
  };
}
