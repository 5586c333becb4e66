import type { RunOptions } from '@rivulet/core';
import { z } from 'zod';
import type { HandlerSettings } from './handler-options.js';
import { RejectedRequest } from './rejected-request.js';

// Only labels: timeouts, concurrency and `configurable` stay the server's decision.
const wireOptions = z.object({
  tags: z.array(z.string()).optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  runName: z.string().optional(),
});

/** The limits a request's run options must keep. */
export type RunOptionLimits = Pick<HandlerSettings<unknown>, 'maxTags' | 'maxLabelBytes' | 'maxMetadataBytes'>;

/**
 * The run options a request body may carry (`tags`, `metadata`, `runName`),
 * within `limits` (`400` beyond: labels end up in run events, logs and
 * traces, so their size is the server's to bound); other fields are ignored.
 */
export function readRunOptions(options: unknown, limits: RunOptionLimits): RunOptions {
  if (options === undefined || options === null) return {};
  const result = wireOptions.safeParse(options);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({ ...issue, path: ['options', ...issue.path] }));
    throw RejectedRequest.badInput(400, 'The "options" field must be { tags?: string[], metadata?: object, runName?: string }.', issues);
  }
  const { tags, metadata, runName } = result.data;
  if (tags !== undefined && tags.length > limits.maxTags) tooBig(['tags'], `${tags.length} tags`, `${limits.maxTags}`);
  tags?.forEach((tag, i) => checkLabel(['tags', i], tag, limits.maxLabelBytes));
  if (runName !== undefined) checkLabel(['runName'], runName, limits.maxLabelBytes);
  if (metadata !== undefined) {
    const bytes = utf8Bytes(JSON.stringify(metadata));
    if (bytes > limits.maxMetadataBytes) tooBig(['metadata'], `${bytes} bytes of JSON`, `${limits.maxMetadataBytes} bytes`);
  }
  return { tags, metadata, runName };
}

function checkLabel(path: (string | number)[], label: string, maxBytes: number): void {
  const bytes = utf8Bytes(label);
  if (bytes > maxBytes) tooBig(path, `${bytes} bytes long`, `${maxBytes} bytes`);
}

function tooBig(path: (string | number)[], size: string, most: string): never {
  const where = ['options', ...path].map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`)).join('').slice(1);
  const message = `${where} is ${size}; this server takes at most ${most}.`;
  throw RejectedRequest.badInput(400, message, [{ code: 'too_big', path: ['options', ...path], message }]);
}

const encoder = new TextEncoder();
function utf8Bytes(text: string): number {
  return encoder.encode(text).byteLength;
}
