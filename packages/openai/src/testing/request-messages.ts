import type { OpenAIRequestBody } from './openai-request-body.js';

/** A message of a request body as far as the mock needs it. */
export interface LooseMessage {
  readonly role?: unknown;
  readonly content?: unknown;
}

/** The `messages` of a request body, or `[]` when absent or malformed. */
export function requestMessages(body: OpenAIRequestBody | undefined): readonly LooseMessage[] {
  const messages: unknown = body?.messages;
  if (!Array.isArray(messages)) return [];
  return messages.filter((m: unknown): m is LooseMessage => typeof m === 'object' && m !== null);
}
