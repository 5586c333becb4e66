import { InputError } from '../errors/input-error.js';

/** Throws an `InputError` describing what is wrong with the message being read. */
export type Fail = (detail: string) => never;

/** A {@link Fail} for the message at `index` of a list, or for a single message. */
export function failAt(index: number | undefined): Fail {
  return (detail) => {
    if (index === undefined) throw new InputError(`Invalid message: ${detail}`);
    throw new InputError(`Invalid message at index ${index}: ${detail}`, { position: index });
  };
}

/** A short name of what `value` is, for error messages. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}

/** True for a non-null, non-array object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
