import type { $ZodType } from 'zod/v4/core';

/** Options of {@link createHandler}. */
export interface HandlerOptions<I> {
  /**
   * Validates (and may transform) every input before the run; a failing input
   * is answered with `400` and the zod issues. Any zod 4 schema, `zod/mini` too.
   */
  readonly inputSchema?: $ZodType<I> | undefined;
  /** Largest request body accepted, in bytes; a larger one is answered with `413` without being read. @defaultValue 1 MiB */
  readonly maxBodyBytes?: number | undefined;
  /** Longest silence on an event stream before a heartbeat comment is sent, in ms. @defaultValue 15000 */
  readonly heartbeatMs?: number | undefined;
  /** Send stacks, causes and the messages of non-Rivulet errors to clients. For development only. @defaultValue false */
  readonly debug?: boolean | undefined;
}

/** The options with their defaults filled in. */
export interface HandlerSettings<I> {
  readonly inputSchema: $ZodType<I> | undefined;
  readonly maxBodyBytes: number;
  readonly heartbeatMs: number;
  readonly debug: boolean;
}

/** Fills in the defaults. */
export function handlerSettings<I>(options: HandlerOptions<I>): HandlerSettings<I> {
  return {
    inputSchema: options.inputSchema,
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    heartbeatMs: options.heartbeatMs ?? 15_000,
    debug: options.debug ?? false,
  };
}
