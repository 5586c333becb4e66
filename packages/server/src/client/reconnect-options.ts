/**
 * How a client reconnects to a resumable run after its connection dropped:
 * up to `retries` attempts in a row without an event in between, waiting
 * `delayMs` before the first and twice as long before each next one (at most
 * `maxDelayMs`), each wait shortened by up to half at random so that many
 * clients dropped at once do not come back at once.
 */
export interface ReconnectOptions {
  /** Attempts in a row before giving up with a `TruncatedStreamError`. @defaultValue 5 */
  readonly retries?: number | undefined;
  /** Wait before the first attempt, in ms. @defaultValue 250 */
  readonly delayMs?: number | undefined;
  /** Longest wait between attempts, in ms. @defaultValue 5000 */
  readonly maxDelayMs?: number | undefined;
}

/** {@link ReconnectOptions} with defaults filled in; `retries: 0` when reconnecting is off. */
export interface ReconnectPolicy {
  readonly retries: number;
  /** The wait before attempt `attempt` (0 for the first). */
  delay(attempt: number): number;
}

/** The policy of `options` (`false`: never reconnect); out-of-range numbers throw a `TypeError`. */
export function reconnectPolicy(options: ReconnectOptions | false | undefined): ReconnectPolicy {
  if (options === false) return { retries: 0, delay: () => 0 };
  const retries = count('retries', options?.retries, 5);
  const delayMs = count('delayMs', options?.delayMs, 250);
  const maxDelayMs = Math.max(delayMs, count('maxDelayMs', options?.maxDelayMs, 5_000));
  return { retries, delay: (attempt) => Math.min(maxDelayMs, delayMs * 2 ** attempt) * (1 - Math.random() / 2) };
}

function count(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new TypeError(`reconnect.${name} must be a number of at least 0, not ${String(value)}.`);
  return value;
}
