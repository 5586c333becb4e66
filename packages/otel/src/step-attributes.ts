import type { Attributes } from '@opentelemetry/api';
import type { RunStartEvent } from '@rivulet/core';

/**
 * What every step's span carries: the run's id and name, its tags, and its
 * metadata values that are strings, numbers or booleans (others, such as
 * objects, are left out: attributes hold only primitives).
 */
export function stepAttributes(event: RunStartEvent): Attributes {
  const attributes: Attributes = { 'rivulet.run.id': event.runId, 'rivulet.run.name': event.name };
  if (event.tags.length > 0) attributes['rivulet.run.tags'] = [...event.tags];
  for (const [key, value] of Object.entries(event.metadata)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') attributes[`rivulet.run.metadata.${key}`] = value;
  }
  return attributes;
}

/** A value as attribute text: a string as is, anything else as JSON (or its string form when it has none). */
export function contentText(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
