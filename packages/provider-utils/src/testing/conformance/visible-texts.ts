import { inspect } from 'node:util';

/**
 * Everything about an error a user or a client could see, as text: for the
 * error and each error of its cause chain its string form, message, stack,
 * JSON (`toJSON`, or its own enumerable fields) and every own string field
 * (`code`, `requestId`, `type`, `param`, ...); then the whole error as a log
 * shows it (`util.inspect`, causes and nested fields included).
 */
export function visibleTexts(error: unknown): string[] {
  const texts: string[] = [];
  const seen = new Set<unknown>();
  for (let current = error, depth = 0; current !== undefined && current !== null && depth < 10 && !seen.has(current); depth++) {
    seen.add(current);
    texts.push(String(current));
    if (typeof current !== 'object') break;
    texts.push(json(current));
    for (const key of Object.getOwnPropertyNames(current)) {
      const value: unknown = (current as Record<string, unknown>)[key];
      if (typeof value === 'string') texts.push(value);
    }
    current = (current as { cause?: unknown }).cause;
  }
  texts.push(inspect(error, { depth: 10, showHidden: false }));
  return texts;
}

function json(value: object): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch (error) {
    // A cycle or a bigint: what a serializer would fail on is not shown either.
    return String(error);
  }
}
