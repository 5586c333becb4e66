import type { RunOptions } from '@rivulet/core';
import { z } from 'zod';
import { RejectedRequest } from './rejected-request.js';

// Only labels: timeouts, concurrency and `configurable` stay the server's decision.
const wireOptions = z.object({
  tags: z.array(z.string()).optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  runName: z.string().optional(),
});

/** The run options a request body may carry (`tags`, `metadata`, `runName`); other fields are ignored. */
export function readRunOptions(options: unknown): RunOptions {
  if (options === undefined || options === null) return {};
  const result = wireOptions.safeParse(options);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({ ...issue, path: ['options', ...issue.path] }));
    throw RejectedRequest.badInput(400, 'The "options" field must be { tags?: string[], metadata?: object, runName?: string }.', issues);
  }
  const { tags, metadata, runName } = result.data;
  return { tags, metadata, runName };
}
