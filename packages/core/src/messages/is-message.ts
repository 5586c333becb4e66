import { messageMarker } from './base-message.js';
import type { Message } from './message.js';

/**
 * True when `value` is a message from any copy of `@rivulet/core`. Prefer it to `instanceof`,
 * which fails when a dependency brought its own copy of the package.
 *
 * @example
 * ```ts
 * if (isMessage(value) && value.role === 'ai') console.log(value.toolCalls);
 * ```
 */
export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && messageMarker in value;
}
