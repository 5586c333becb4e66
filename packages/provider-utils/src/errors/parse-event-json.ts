import type { ErrorContext } from './error-context.js';
import { malformedEvent } from './malformed-event.js';
import { maskSecret } from './mask-secret.js';

/** The JSON an event's data holds; a `malformed_event` error when it holds none. */
export function parseEventJson(data: string, context: ErrorContext): unknown {
  try {
    return JSON.parse(data) as unknown;
  } catch {
    // Masked before it is cut; no cause kept, since V8's SyntaxError quotes the data unmasked.
    throw malformedEvent(context, `not JSON: ${JSON.stringify(maskSecret(data, context.secret).slice(0, 80))}`);
  }
}
