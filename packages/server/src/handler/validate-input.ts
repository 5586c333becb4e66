import { safeParseAsync } from 'zod';
import type { $ZodType } from 'zod/v4/core';
import { RejectedRequest } from './rejected-request.js';

/**
 * The inputs checked against the handler's input schema (its parsed output,
 * so transforms and defaults apply), or `400` with every issue of every
 * input, paths starting at `input` (one run) or `inputs.<i>` (a batch).
 * Without a schema the values pass as they are: the runnable's own checks
 * (a prompt's missing variable) still apply.
 */
export async function validateInputs<I>(schema: $ZodType<I> | undefined, values: readonly unknown[], batch: boolean): Promise<I[]> {
  if (schema === undefined) return values as I[];
  const results = await Promise.all(values.map((value) => safeParseAsync(schema, value)));
  const issues = results.flatMap((result, i) =>
    result.success ? [] : result.error.issues.map((issue) => ({ ...issue, path: [...(batch ? ['inputs', i] : ['input']), ...issue.path] })),
  );
  const first = issues[0];
  if (first === undefined) return results.map((result) => result.data as I);
  const where = first.path.map(String).join('.');
  throw RejectedRequest.badInput(400, `The input does not match the schema at ${where}: ${first.message}`, issues);
}
