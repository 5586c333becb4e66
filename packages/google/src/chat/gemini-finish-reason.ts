import type { FinishReasonV1 } from '@rivulet/provider';

// The model's output was withheld or cut by a filter (Google's or the account's).
const FILTERED = new Set([
  'SAFETY',
  'RECITATION',
  'BLOCKLIST',
  'PROHIBITED_CONTENT',
  'SPII',
  'IMAGE_SAFETY',
  'IMAGE_PROHIBITED_CONTENT',
  'IMAGE_RECITATION',
  'MODEL_ARMOR',
  'PUP_LIMITED_DISABLED',
  'ESCALATION',
]);

// The model produced something the API could not accept: the reply failed.
const FAILED = new Set(['MALFORMED_FUNCTION_CALL', 'UNEXPECTED_TOOL_CALL', 'MISSING_THOUGHT_SIGNATURE', 'MALFORMED_RESPONSE']);

/**
 * Gemini's finish reason in Rivulet's words. `STOP` is `tool_calls` when the
 * candidate called functions (Gemini says `STOP` either way); the token limit,
 * whole (`MAX_TOKENS`) or per request (`CONTINUATION`), is `length`; filters
 * are `content_filter`; a malformed or unexpected call is `error`; the rest
 * (`OTHER`, `LANGUAGE`, `TOO_MANY_TOOL_CALLS`, values added later) `other`.
 */
export function geminiFinishReason(raw: string, calledFunctions: boolean): FinishReasonV1 {
  if (raw === 'STOP') return calledFunctions ? 'tool_calls' : 'stop';
  if (raw === 'MAX_TOKENS' || raw === 'CONTINUATION') return 'length';
  if (FILTERED.has(raw)) return 'content_filter';
  if (FAILED.has(raw)) return 'error';
  return 'other';
}
