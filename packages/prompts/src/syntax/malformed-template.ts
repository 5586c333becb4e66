import { InputError } from '@rivulet/core';

/** The error for a template that cannot be parsed; `position` is the 0-based offset of the culprit. */
export function malformedTemplate(detail: string, source: string, position: number): InputError {
  return new InputError(`Malformed prompt template at position ${position}: ${detail}. Template: ${describeSource(source)}`, {
    position,
  });
}

const maxShown = 60;

/** The template text, shortened for a one-line message. */
export function describeSource(source: string): string {
  const shown = source.length > maxShown ? `${source.slice(0, maxShown)}…` : source;
  return JSON.stringify(shown);
}
