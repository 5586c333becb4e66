import { RivuletError, hasMarker, type RivuletErrorOptions } from '@rivulet/core';

const marker = Symbol.for('rivulet.error.redis');

/**
 * Redis failed to answer a Rivulet part: the server is unreachable, refused
 * the command, or the connection was closed. The Redis client's own error is
 * the `cause`; the message names only the operation, so it is safe to show a
 * client (it never carries a host, a URL or a password).
 */
export class RedisError extends RivuletError {
  private readonly [marker] = true;
  /** What was being done, e.g. `RedisCache.get`. */
  readonly operation: string;

  constructor(operation: string, options: RivuletErrorOptions = {}) {
    super(`Redis failed during ${operation}.`, options);
    this.name = 'RedisError';
    this.operation = operation;
  }

  /** True when `error` is a `RedisError` from any copy of `@rivulet/redis`. */
  static override isInstance(error: unknown): error is RedisError {
    return hasMarker(error, marker);
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), operation: this.operation };
  }
}

/** Runs `command`; a failure that is not already a Rivulet error becomes a {@link RedisError} for `operation`. */
export async function redisCall<T>(operation: string, command: () => Promise<T>): Promise<T> {
  try {
    return await command();
  } catch (error) {
    throw RivuletError.isInstance(error) ? error : new RedisError(operation, { cause: error });
  }
}
