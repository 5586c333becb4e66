import { InputError } from '@rivulet/core';
import type { JsonSchema } from '@rivulet/provider';

/** Keywords strict structured output does not accept (OpenAI's published strict-mode subset leaves them out). */
const UNSUPPORTED = [
  'patternProperties',
  'propertyNames',
  'unevaluatedProperties',
  'minProperties',
  'maxProperties',
  'dependentRequired',
  'dependentSchemas',
  'if',
  'then',
  'else',
  'not',
  'allOf',
  'contains',
  'minContains',
  'maxContains',
  'uniqueItems',
  'unevaluatedItems',
];

/**
 * `schema` rewritten to the rules strict providers (OpenAI `strict: true`)
 * enforce: every object lists all its properties in `required` and has
 * `additionalProperties: false`; a property that was optional becomes
 * nullable instead (`anyOf: [schema, { type: 'null' }]`), so the model writes
 * `null` where it would have left the field out. The root must be an object.
 * A keyword strict mode rejects is an `InputError` naming its path, before any
 * request.
 *
 * @example
 * ```ts
 * toStrictJsonSchema({ type: 'object', properties: { a: { type: 'string' } } });
 * // { type: 'object', properties: { a: { anyOf: [{ type: 'string' }, { type: 'null' }] } }, required: ['a'], additionalProperties: false }
 * ```
 */
export function toStrictJsonSchema(schema: JsonSchema): JsonSchema {
  if (schema['type'] !== 'object') throw new InputError(`Strict structured output needs an object at the root; the schema's root is ${JSON.stringify(schema['type'] ?? 'untyped')}.`);
  return strict(schema, '#') as JsonSchema;
}

function strict(node: unknown, path: string): unknown {
  if (Array.isArray(node)) return node.map((item, i) => strict(item, `${path}/${i}`));
  if (typeof node !== 'object' || node === null) return node;
  const source = node as Record<string, unknown>;
  for (const keyword of UNSUPPORTED) {
    if (keyword in source) throw new InputError(`Strict structured output cannot take \`${keyword}\` (at ${path}).`);
  }
  // Built with `Object.fromEntries`, which defines own properties: a property named `__proto__` stays one.
  const out: Record<string, unknown> = Object.fromEntries(
    Object.entries(source).map(([key, value]) => [
      key,
      key === 'properties' || key === '$defs' || key === 'definitions' ? mapValues(value, `${path}/${key}`) : strict(value, `${path}/${key}`),
    ]),
  );
  if (isObjectSchema(source)) {
    const extra = source['additionalProperties'];
    if (typeof extra === 'object' && extra !== null) {
      throw new InputError(`Strict structured output cannot take an object with arbitrary keys (a record, at ${path}); list its properties.`);
    }
    const properties = (out['properties'] ?? {}) as Record<string, unknown>;
    const required = new Set(Array.isArray(source['required']) ? (source['required'] as string[]) : []);
    const rewritten = Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, required.has(name) ? property : nullable(property)]));
    out['properties'] = rewritten;
    out['required'] = Object.keys(rewritten);
    out['additionalProperties'] = false;
  }
  return out;
}

function mapValues(value: unknown, path: string): unknown {
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, strict(child, `${path}/${key}`)]));
}

function isObjectSchema(schema: Record<string, unknown>): boolean {
  return schema['type'] === 'object' || (schema['type'] === undefined && 'properties' in schema);
}

/** `schema` that also accepts `null` (unchanged when it already does). */
function nullable(schema: unknown): unknown {
  if (typeof schema !== 'object' || schema === null) return schema;
  const node = schema as Record<string, unknown>;
  if (acceptsNull(node)) return node;
  return { anyOf: [node, { type: 'null' }] };
}

function acceptsNull(node: Record<string, unknown>): boolean {
  const type = node['type'];
  if (type === 'null' || (Array.isArray(type) && type.includes('null'))) return true;
  const anyOf = node['anyOf'];
  return Array.isArray(anyOf) && anyOf.some((option) => typeof option === 'object' && option !== null && acceptsNull(option as Record<string, unknown>));
}
