import { hasMarker } from './has-marker.js';
import { RivuletError, type RivuletErrorOptions } from './rivulet-error.js';

const marker = Symbol.for('rivulet.error.provider');

/** Options of a {@link ProviderError}. */
export interface ProviderErrorOptions extends RivuletErrorOptions {
  /** Which provider failed, e.g. `openai`. */
  readonly provider: string;
  /** HTTP status, when the failure was an HTTP response. */
  readonly status?: number | undefined;
  /** The provider's error code, e.g. `rate_limit_exceeded`. */
  readonly code?: string | undefined;
  /** The provider's request id, for support tickets. */
  readonly requestId?: string | undefined;
  /** Whether sending the same request again may succeed. Defaults from `status`. */
  readonly retryable?: boolean | undefined;
  /** How long the provider asked us to wait before retrying (Retry-After), in ms. */
  readonly retryAfterMs?: number | undefined;
}

/** Statuses worth retrying: timeouts, conflicts, rate limits and server errors. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** A model provider failed: an HTTP error, a mid-stream error event, a malformed stream, a dropped connection. */
export class ProviderError extends RivuletError {
  private readonly [marker] = true;
  readonly provider: string;
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly requestId: string | undefined;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options: ProviderErrorOptions) {
    super(message, options);
    this.name = 'ProviderError';
    this.provider = options.provider;
    this.status = options.status;
    this.code = options.code;
    this.requestId = options.requestId;
    this.retryAfterMs = options.retryAfterMs;
    this.retryable = options.retryable ?? (options.status !== undefined && isRetryableStatus(options.status));
  }

  static override isInstance(error: unknown): error is ProviderError {
    return hasMarker(error, marker);
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      provider: this.provider,
      retryable: this.retryable,
      ...(this.status !== undefined && { status: this.status }),
      ...(this.code !== undefined && { code: this.code }),
      ...(this.requestId !== undefined && { requestId: this.requestId }),
      ...(this.retryAfterMs !== undefined && { retryAfterMs: this.retryAfterMs }),
    };
  }
}
