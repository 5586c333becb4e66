import type { RunEvent } from '@rivulet/core';
import { isErrorJSON } from '../client/remote-error.js';
import { reviveError } from './revive-error.js';

/** A run event from the wire, its `error` event's error revived as the typed error it names. */
export function reviveEvent(event: RunEvent): RunEvent {
  if (event.type !== 'error') return event;
  const error: unknown = event.data.error;
  return isErrorJSON(error) ? { ...event, data: { error: reviveError(error) } } : event;
}
