import { InputError, isMessage } from '@rivulet/core';

/**
 * The text a variable's value inserts: strings as they are; numbers, booleans
 * and bigints through `String`; a message as its text; a `Date` in ISO form;
 * other objects and arrays as JSON. `null` and `undefined` never get here:
 * they count as missing.
 *
 * @throws InputError naming the variable for a function, a symbol, or an object JSON cannot write.
 */
export function stringifyValue(value: unknown, name: string): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'object':
      if (isMessage(value)) return value.text;
      return toJson(value, name);
    default:
      throw cannotInsert(name, `it is a ${typeof value}`);
  }
}

function toJson(value: object | null, name: string): string {
  try {
    const text = value instanceof Date ? value.toISOString() : JSON.stringify(value);
    if (typeof text === 'string') return text;
  } catch (cause) {
    throw cannotInsert(name, cause instanceof Error ? cause.message : String(cause), cause);
  }
  throw cannotInsert(name, 'JSON.stringify gave nothing for it');
}

function cannotInsert(name: string, why: string, cause?: unknown): InputError {
  return new InputError(`The value of prompt variable "${name}" cannot be inserted into text: ${why}`, {
    variables: [name],
    cause,
  });
}
