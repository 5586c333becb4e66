import type { ResponseCreateParams } from 'openai/resources/responses/responses';
import type { OpenAIRecordedRequest } from '../openai-request-body.js';
import type { LooseMessage } from '../request-messages.js';

/**
 * A `POST /v1/responses` body as the mock records it: parsed JSON typed after
 * the SDK's parameters for convenient assertions, not validated.
 */
export type OpenAIResponsesRequestBody = Partial<ResponseCreateParams>;

/** Whether a recorded request went to the Responses route. */
export function isResponsesRequest(request: OpenAIRecordedRequest): boolean {
  return request.path.split('?')[0] === '/v1/responses';
}

/**
 * The body of a recorded Responses request. Every request is recorded with
 * the Chat Completions body type; this reads it as what it is.
 *
 * @example
 * ```ts
 * expect(responsesBody(server.requests[0]!)?.input).toEqual([{ role: 'user', content: 'Hi' }]);
 * ```
 */
export function responsesBody(request: OpenAIRecordedRequest): OpenAIResponsesRequestBody | undefined {
  return request.body as OpenAIResponsesRequestBody | undefined;
}

/** The message items of a Responses body's `input` (a string input is one user message), for echoes and token estimates. */
export function inputMessages(body: OpenAIResponsesRequestBody | undefined): readonly LooseMessage[] {
  const input: unknown = body?.input;
  if (typeof input === 'string') return [{ role: 'user', content: input }];
  if (!Array.isArray(input)) return [];
  return input.filter((item: unknown): item is LooseMessage => typeof item === 'object' && item !== null && 'role' in item);
}
