import { finishReasons, type FinishReason } from './finish-reason.js';
import { describeValue, isRecord, type Fail } from './invalid-message.js';
import type { ResponseMetadata } from './response-metadata.js';
import type { Usage } from './usage.js';

/** `value` when it is a string, `undefined` when absent; anything else fails. */
export function optionalString(value: unknown, field: string, fail: Fail): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') fail(`"${field}" must be a string, got ${describeValue(value)}`);
  return value;
}

/** `value` when it is a boolean, `undefined` when absent; anything else fails. */
export function optionalBoolean(value: unknown, field: string, fail: Fail): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') fail(`"${field}" must be a boolean, got ${describeValue(value)}`);
  return value;
}

/** Validates a {@link FinishReason}. */
export function readFinishReason(value: unknown, fail: Fail): FinishReason | undefined {
  if (value === undefined) return undefined;
  if (!finishReasons.includes(value as FinishReason)) {
    fail(`"finishReason" must be one of ${finishReasons.join(', ')}, got ${JSON.stringify(value)}`);
  }
  return value as FinishReason;
}

/** Validates `responseMetadata`: any plain object. */
export function readMetadata(value: unknown, fail: Fail): ResponseMetadata | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) fail(`"responseMetadata" must be an object, got ${describeValue(value)}`);
  return value;
}

const tokenFields = ['inputTokens', 'outputTokens', 'totalTokens', 'reasoningTokens', 'cachedInputTokens'] as const;

/** Validates {@link Usage}: the three totals are required, the rest optional, all numbers. */
export function readUsage(value: unknown, fail: Fail): Usage | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) fail(`"usage" must be an object, got ${describeValue(value)}`);
  const usage: Record<string, number> = {};
  for (const [i, field] of tokenFields.entries()) {
    const count = value[field];
    if (count === undefined && i >= 3) continue;
    if (typeof count !== 'number') fail(`"usage.${field}" must be a number, got ${describeValue(count)}`);
    usage[field] = count;
  }
  return usage as unknown as Usage;
}
