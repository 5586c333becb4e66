/**
 * The shortest string treated as a secret. A shorter "key" (a placeholder
 * such as `test`) would mask ordinary words in messages; real keys are long.
 */
export const MIN_SECRET_LENGTH = 8;

/** `text` with every occurrence of `secret` replaced by `***`. */
export function maskSecret(text: string, secret: string | undefined): string {
  return secret !== undefined && secret.length >= MIN_SECRET_LENGTH && text.includes(secret) ? text.split(secret).join('***') : text;
}

/**
 * `error` safe to show: when its message, stack, any of its own fields (an
 * SDK error keeps the response body, code and request id on itself) or any
 * error in its cause chain contains `secret`, a plain copy (same name) with
 * the secret masked in message and stack and no other fields; otherwise
 * `error` itself.
 */
export function maskErrorChain(error: unknown, secret: string | undefined, depth = 0): unknown {
  if (secret === undefined || secret.length < MIN_SECRET_LENGTH || depth > 8) return error;
  // A thrown value that is not an Error (a string, a plain object) shows as it is: as masked text when it holds the key.
  if (!(error instanceof Error)) return serialized(error).includes(secret) ? maskSecret(serialized(error), secret) : error;
  const cause = maskErrorChain(error.cause, secret, depth + 1);
  if (!leaks(error, secret) && cause === error.cause) return error;
  const copy = new Error(maskSecret(error.message, secret), cause === undefined ? undefined : { cause });
  copy.name = error.name;
  copy.stack = maskSecret(error.stack ?? '', secret);
  return copy;
}

function leaks(error: Error, secret: string): boolean {
  if (error.message.includes(secret) || (error.stack?.includes(secret) ?? false)) return true;
  for (const key of Object.getOwnPropertyNames(error)) {
    if (key === 'cause' || key === 'stack' || key === 'message') continue;
    if (serialized((error as unknown as Record<string, unknown>)[key]).includes(secret)) return true;
  }
  return false;
}

/** Any value as text for a search, headers included; never throws. */
function serialized(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return String(value);
  try {
    const entries = typeof (value as Headers).forEach === 'function' && value instanceof Headers ? Object.fromEntries(value.entries()) : value;
    return JSON.stringify(entries) ?? '';
  } catch {
    return '';
  }
}
