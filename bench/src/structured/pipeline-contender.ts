import type { Runnable } from '@rivulet/core';
import { fakeRunnable } from '@rivulet/core/testing';
import type { $ZodType } from 'zod/v4/core';
import { drainSync } from '../parse/drain-sync.js';
import type { StructuredContender } from './structured-contender.js';

/**
 * A parser runnable as a pipeline uses it: `fakeRunnable(chunks).pipe(parser)`,
 * run with `stream()` and consumed with `subscribe`, every snapshot delivered;
 * the run's value is its last chunk.
 */
export function pipelineContender(name: string, parser: (schema: $ZodType) => Runnable<string, unknown, unknown>): StructuredContender {
  return {
    name,
    async prepare({ chunks, schema }) {
      const chain = fakeRunnable(chunks).pipe(parser(schema));
      return () => drainSync(chain.stream(null)).last;
    },
  };
}
