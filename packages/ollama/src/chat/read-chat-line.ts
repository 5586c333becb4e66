import { type ErrorContext, isAbsentOr, isJsonObject, malformedEvent, previewData, providerError, readErrorBody } from '@rivulet/provider-utils';
import type { OllamaChatLine } from './ollama-chat-line.js';

/**
 * One NDJSON line of an `/api/chat` stream, checked: a line that is not JSON,
 * or JSON of the wrong shape, is `malformed_event` (never a `TypeError` deep
 * in a mapper); an `{"error": ...}` line, which Ollama sends when the model
 * fails mid-stream, is a `ProviderError` with its message.
 */
export function readChatLine(line: string, context: ErrorContext): OllamaChatLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw malformedEvent(context, `a line that is not JSON: ${previewData(line, context)}`, error);
  }
  if (!isJsonObject(value)) throw malformedEvent(context, `expected an object per line, got ${previewData(line, context)}`);
  if (value['error'] !== undefined && value['error'] !== null) {
    const info = readErrorBody(value);
    throw providerError(context, `error line mid-stream: ${info.message ?? previewData(line, context)}`, { retryable: false, ...(info.code !== undefined && { code: info.code }) });
  }
  const problem = shapeProblem(value);
  if (problem !== undefined) throw malformedEvent(context, `${problem}: ${previewData(line, context)}`);
  return value as unknown as OllamaChatLine;
}

/** What is wrong with a line's shape, or `undefined` when it is a chat line. */
function shapeProblem(line: Record<string, unknown>): string | undefined {
  if (typeof line['done'] !== 'boolean') return 'a line without a boolean `done`';
  if (!isAbsentOr(line['done_reason'], 'string') || !isAbsentOr(line['model'], 'string') || !isAbsentOr(line['created_at'], 'string')) {
    return 'a non-string `done_reason`, `model` or `created_at`';
  }
  // Named reads, not a loop over field names: every line passes here, and a keyed read with a varying key is slow.
  if (
    !isAbsentOr(line['prompt_eval_count'], 'number') ||
    !isAbsentOr(line['eval_count'], 'number') ||
    !isAbsentOr(line['total_duration'], 'number') ||
    !isAbsentOr(line['load_duration'], 'number') ||
    !isAbsentOr(line['prompt_eval_duration'], 'number') ||
    !isAbsentOr(line['eval_duration'], 'number')
  ) {
    return 'a non-numeric count or duration';
  }
  const message = line['message'];
  if (message === undefined || message === null) return undefined;
  if (!isJsonObject(message)) return 'a `message` that is not an object';
  if (!isAbsentOr(message['content'], 'string') || !isAbsentOr(message['thinking'], 'string')) return 'a non-string `content` or `thinking`';
  const calls = message['tool_calls'];
  if (calls === undefined || calls === null) return undefined;
  return Array.isArray(calls) && calls.every(isToolCall) ? undefined : 'a tool call of the wrong shape';
}

function isToolCall(value: unknown): boolean {
  if (!isJsonObject(value) || !isJsonObject(value['function'])) return false;
  const fn = value['function'];
  const args = fn['arguments'];
  return typeof fn['name'] === 'string' && fn['name'] !== '' && (args === null || args === undefined || isJsonObject(args)) && isAbsentOr(fn['index'], 'number');
}
