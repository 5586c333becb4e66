import type { ErrorContext } from './error-context.js';
import { maskSecret } from './mask-secret.js';

/** Characters of wire data quoted in an error message. */
export const PREVIEW_LENGTH = 80;

/**
 * The start of some wire data (an event, a line, a body) quoted for an error
 * message: the key masked first, then cut to {@link PREVIEW_LENGTH}
 * characters (a cut before masking could leave a prefix of the key).
 *
 * @example
 * ```ts
 * throw malformedEvent(context, `an event of the wrong shape: ${previewData(event.data, context)}`);
 * ```
 */
export function previewData(data: string, context: ErrorContext): string {
  const masked = maskSecret(data, context.secret);
  return JSON.stringify(masked.length > PREVIEW_LENGTH ? `${masked.slice(0, PREVIEW_LENGTH)}…` : masked);
}
