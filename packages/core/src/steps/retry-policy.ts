import { AbortError } from '../errors/abort-error.js';
import { InputError } from '../errors/input-error.js';
import { OutputParserError } from '../errors/output-parser-error.js';
import { ProviderError } from '../errors/provider-error.js';
import { TimeoutError } from '../errors/timeout-error.js';

/** Options of `withRetry`. */
export interface RetryOptions {
  /** Attempts in all, the first included. Default 3. */
  readonly maxAttempts?: number | undefined;
  /** Delay before the first retry, in ms. Default 250. */
  readonly initialDelayMs?: number | undefined;
  /** Longest delay between attempts, in ms. Default 10,000. */
  readonly maxDelayMs?: number | undefined;
  /** Each delay is the previous one times this. Default 2. */
  readonly backoffFactor?: number | undefined;
  /** Randomize each delay between half and all of it, so clients do not retry in lockstep. Default true. */
  readonly jitter?: boolean | undefined;
  /** Whether an error is worth another attempt. Default: {@link isRetryableError}. */
  readonly retryOn?: ((error: unknown, attempt: number) => boolean) | undefined;
  /** Called before each retry, e.g. for logging. */
  readonly onRetry?: ((error: unknown, attempt: number, delayMs: number) => void) | undefined;
}

/**
 * The default retry rule: everything except cancellation, a run's timeout, bad
 * input, unparsable output and provider errors the provider calls final.
 */
export function isRetryableError(error: unknown): boolean {
  if (AbortError.isInstance(error) || InputError.isInstance(error) || OutputParserError.isInstance(error)) return false;
  if (TimeoutError.isInstance(error)) return error.kind === 'idle';
  if (ProviderError.isInstance(error)) return error.retryable;
  return true;
}

/**
 * Milliseconds to wait before attempt `attempt + 1`: exponential backoff with
 * optional jitter, never shorter than a provider's Retry-After.
 */
export function retryDelay(options: RetryOptions, attempt: number, error: unknown, random: () => number = Math.random): number {
  const initial = options.initialDelayMs ?? 250;
  const max = options.maxDelayMs ?? 10_000;
  const exponential = Math.min(max, initial * (options.backoffFactor ?? 2) ** (attempt - 1));
  const delay = options.jitter === false ? exponential : exponential / 2 + (random() * exponential) / 2;
  const retryAfter = ProviderError.isInstance(error) ? (error.retryAfterMs ?? 0) : 0;
  return Math.max(Math.round(delay), retryAfter);
}
