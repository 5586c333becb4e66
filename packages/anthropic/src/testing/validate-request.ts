import type { AnthropicRecordedRequest } from './anthropic-request-record.js';

/** Why the API would refuse a request: the status and message it answers with. */
export interface RequestProblem {
  readonly status: number;
  readonly message: string;
}

/**
 * The checks api.anthropic.com makes before generating anything, so a client
 * that forgets a required header or field fails against the mock as it would
 * in production, instead of passing its tests.
 */
export function validateRequest(request: AnthropicRecordedRequest): RequestProblem | undefined {
  const { headers, body } = request;
  if (!headers['x-api-key'] && !headers['authorization']) return { status: 401, message: 'authentication is required: send Authorization: Bearer <key> or x-api-key (mock)' };
  if (!headers['anthropic-version']) return { status: 400, message: 'anthropic-version: header is required' };
  if (typeof body !== 'object' || body === null) return { status: 400, message: 'The request body is not valid JSON.' };
  if (typeof body.model !== 'string' || body.model === '') return { status: 400, message: 'model: Field required' };
  const maxTokens: unknown = body.max_tokens;
  if (typeof maxTokens !== 'number' || !Number.isInteger(maxTokens) || maxTokens < 1) return { status: 400, message: 'max_tokens: Field required' };
  if (!Array.isArray(body.messages)) return { status: 400, message: 'messages: Field required' };
  return undefined;
}
