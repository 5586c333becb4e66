import type { RunEvent } from '@rivulet/core';
import { errorToJSON } from './error-to-json.js';

/**
 * A run event in a form `JSON.stringify` keeps: the error of an `error` event
 * goes through {@link errorToJSON} (an `Error` would serialize as `{}`);
 * chunks and outputs serialize themselves (messages have `toJSON`).
 */
export function eventToJSON(event: RunEvent, debug: boolean): object {
  return event.type === 'error' ? { ...event, data: { error: errorToJSON(event.data.error, debug) } } : event;
}
