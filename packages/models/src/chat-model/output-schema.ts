import { InputError } from '@rivulet/core';
import type { JsonSchema } from '@rivulet/provider';
import { z } from 'zod';

/** The key a non-object root is wrapped under: providers take only objects as tool arguments and strict response formats. */
export const WRAPPED_KEY = 'value';

/** A zod schema as the provider is asked for it. */
export interface OutputSchema {
  /** JSON Schema of what the model writes: the schema's input side (a transform applies after). */
  readonly jsonSchema: JsonSchema;
  /** The zod schema the model's JSON is parsed with: `schema`, or `{ value: schema }` when wrapped. */
  readonly parseSchema: z.ZodType;
  /** True when the root was not an object and was wrapped under {@link WRAPPED_KEY}. */
  readonly wrapped: boolean;
}

/**
 * How to ask a provider for `schema`: its JSON Schema (the input side, since
 * transforms apply to what the model wrote), wrapped in an object when the
 * root is not one (an array, an enum, a union). A type JSON Schema cannot
 * express (a bigint, a custom check, a date object) is an `InputError` now,
 * before any request.
 */
export function outputSchema(schema: z.ZodType, options: { readonly wrap: boolean }): OutputSchema {
  const jsonSchema = toJsonSchema(schema);
  if (!options.wrap || jsonSchema['type'] === 'object') return { jsonSchema, parseSchema: schema, wrapped: false };
  return {
    jsonSchema: { type: 'object', properties: { [WRAPPED_KEY]: jsonSchema }, required: [WRAPPED_KEY], additionalProperties: false },
    parseSchema: z.object({ [WRAPPED_KEY]: schema }),
    wrapped: true,
  };
}

/**
 * A zod schema as plain JSON Schema of its input side, without the `$schema`
 * key some providers reject; `InputError` when zod cannot express it.
 */
export function toJsonSchema(schema: z.ZodType): Record<string, unknown> {
  let converted: Record<string, unknown>;
  try {
    converted = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'throw' }) as Record<string, unknown>;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`The schema has a type JSON Schema cannot express, so no provider can be asked for it (${reason}).`, { cause: error });
  }
  const { $schema: _ignored, ...rest } = converted;
  return rest;
}
