import { InputError } from '@rivulet/core';

/** `value` when it is a positive finite number, `undefined` when absent; `InputError` naming `owner` and `name` otherwise. */
export function positiveOrUndefined(owner: string, name: string, value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
    throw new InputError(`${owner}: ${name} must be a positive, finite number, got ${String(value)}.`);
  }
  return value;
}

/** {@link positiveOrUndefined} with a default. */
export function positive(owner: string, name: string, value: number | undefined, fallback: number): number {
  return positiveOrUndefined(owner, name, value) ?? fallback;
}
