import type { RunOptions } from '@rivulet/core';

/** Options of one `embedMany` call: those of any run, plus its parallelism. */
export interface EmbedManyOptions extends RunOptions {
  /** Overrides the model's `maxParallelCalls` for this call. */
  readonly maxParallelCalls?: number | undefined;
}
