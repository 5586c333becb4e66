import { InputError } from '@rivulet/core';

/** `value` as the text to embed, or an `InputError` naming the model: a wrong type would reach the wire otherwise. */
export function requireText(value: unknown, model: string): string {
  if (typeof value === 'string') return value;
  throw new InputError(`${model}: embed() takes a string, got ${describe(value)}; use embedMany() for several texts.`);
}

/** `value` as the texts to embed, or an `InputError` naming the first that is not a string. */
export function requireTexts(value: unknown, model: string): readonly string[] {
  if (!Array.isArray(value)) throw new InputError(`${model}: embedMany() takes an array of strings, got ${describe(value)}.`);
  const at = value.findIndex((text) => typeof text !== 'string');
  if (at !== -1) throw new InputError(`${model}: embedMany() takes strings only; text ${at} is ${describe(value[at])}.`);
  return value as readonly string[];
}

/** `value` as a count of parallel calls: a whole number of at least 1, or `Infinity`. */
export function requireParallelCalls(value: number, model: string): number {
  if (value === Infinity || (Number.isInteger(value) && value >= 1)) return value;
  throw new InputError(`${model}: maxParallelCalls must be a whole number of at least 1, got ${value}.`);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a value of type ${typeof value}`;
}
