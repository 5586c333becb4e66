import { inspect } from 'node:util';

/**
 * Every text through which `value` could reach a client, a log line or a
 * trace exporter: its JSON, and for each error in it (however deep, causes
 * excepted) its name, message and stack; for a value holding no error, its
 * `util.inspect` too (hidden and private-looking fields shown).
 *
 * An error's `cause` is left out on purpose: it keeps the provider's raw
 * error for in-process debugging, is never serialized or sent, and holds
 * whatever the provider answered (see docs/reliability.md).
 */
export function exposedTexts(value: unknown): string[] {
  const texts: string[] = [];
  if (typeof value === 'string') return [value];
  try {
    texts.push(JSON.stringify(value) ?? '');
  } catch (error) {
    texts.push(`unserializable: ${String(error)}`);
  }
  const errors: Error[] = [];
  collectErrors(value, errors, 0, new Set());
  for (const error of errors) texts.push(String(error), error.message, error.stack ?? '');
  if (errors.length === 0) texts.push(inspect(value, { depth: 12, showHidden: true, getters: false }));
  return texts;
}

/** The texts of `exposedTexts(value)` that contain `secret`. */
export function leaksOf(value: unknown, secret: string): string[] {
  return exposedTexts(value).filter((text) => text.includes(secret));
}

function collectErrors(value: unknown, errors: Error[], depth: number, seen: Set<object>): void {
  if (typeof value !== 'object' || value === null || depth > 8 || seen.has(value)) return;
  seen.add(value);
  if (value instanceof Error) errors.push(value);
  for (const [key, child] of Object.entries(value)) if (key !== 'cause') collectErrors(child, errors, depth + 1, seen);
}
