import { describe, expect, it } from 'vitest';
import { InputError } from '@rivulet/core';
import { z } from 'zod';
import { toStrictJsonSchema } from './strict-json-schema.js';

/**
 * OpenAI's published rules for `strict: true` schemas (Structured Outputs,
 * "Supported schemas"), as a checker: the root is an object; every object sets
 * `additionalProperties: false` and lists every property in `required`; only
 * string, number, integer, boolean, object, array, null, enum, const and anyOf
 * (with $defs/$ref); at most 10 levels of nesting and 5000 properties; none of
 * the keywords strict mode rejects.
 */
function strictModeViolations(schema: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const rejected = ['patternProperties', 'propertyNames', 'unevaluatedProperties', 'minProperties', 'maxProperties', 'allOf', 'not', 'if', 'then', 'else', 'contains', 'uniqueItems'];
  let properties = 0;
  if (schema['type'] !== 'object') problems.push('root is not an object');
  const visit = (node: unknown, path: string, depth: number): void => {
    if (typeof node !== 'object' || node === null) return;
    const n = node as Record<string, unknown>;
    if (depth > 10) problems.push(`${path}: nested deeper than 10`);
    for (const keyword of rejected) if (keyword in n) problems.push(`${path}: ${keyword}`);
    const types = ([] as unknown[]).concat(n['type'] ?? []);
    for (const type of types) if (!['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'].includes(type as string)) problems.push(`${path}: type ${String(type)}`);
    if (types.includes('object')) {
      const props = (n['properties'] ?? {}) as Record<string, unknown>;
      const keys = Object.keys(props);
      properties += keys.length;
      if (n['additionalProperties'] !== false) problems.push(`${path}: additionalProperties is not false`);
      const required = (n['required'] ?? []) as string[];
      for (const key of keys) if (!required.includes(key)) problems.push(`${path}: ${key} not required`);
      for (const key of keys) visit(props[key], `${path}/properties/${key}`, depth + 1);
    }
    if (n['items'] !== undefined) visit(n['items'], `${path}/items`, depth + 1);
    for (const key of ['anyOf', 'prefixItems'] as const) {
      if (Array.isArray(n[key])) (n[key] as unknown[]).forEach((option, i) => visit(option, `${path}/${key}/${i}`, depth));
    }
    for (const key of ['$defs', 'definitions'] as const) {
      const defs = n[key] as Record<string, unknown> | undefined;
      for (const [name, def] of Object.entries(defs ?? {})) visit(def, `${path}/${key}/${name}`, depth);
    }
  };
  visit(schema, '#', 0);
  if (properties > 5000) problems.push('more than 5000 properties');
  return problems;
}

const toJson = (schema: z.ZodType): Record<string, unknown> => z.toJSONSchema(schema, { io: 'input' }) as Record<string, unknown>;

describe('toStrictJsonSchema', () => {
  const schemas: Record<string, z.ZodType> = {
    'optional fields': z.object({ a: z.string(), b: z.number().optional() }),
    'nested optional objects': z.object({ user: z.object({ name: z.string(), address: z.object({ city: z.string(), zip: z.string().optional() }).optional() }) }),
    'arrays of objects': z.object({ items: z.array(z.object({ id: z.number(), note: z.string().optional() })) }),
    'unions and nullables': z.object({ value: z.union([z.string(), z.object({ n: z.number().optional() })]), maybe: z.string().nullable().optional() }),
    'enums and defaults': z.object({ level: z.enum(['low', 'high']).default('low'), flag: z.boolean().default(false) }),
    'tuples': z.object({ point: z.tuple([z.number(), z.number()]) }),
    'recursion': (() => {
      const node: z.ZodType = z.object({ name: z.string(), get children() { return z.array(node).optional(); } });
      return z.object({ root: node });
    })(),
  };

  for (const [name, schema] of Object.entries(schemas)) {
    it(`meets OpenAI's strict-mode rules: ${name}`, () => {
      const before = toJson(schema);
      expect(strictModeViolations(before).length, 'the zod schema alone breaks the rules, or the test proves nothing').toBeGreaterThan(0);
      expect(strictModeViolations(toStrictJsonSchema(before) as Record<string, unknown>)).toEqual([]);
    });
  }

  it('makes an optional field nullable instead, and leaves a nullable one as it is', () => {
    const strict = toStrictJsonSchema(toJson(z.object({ a: z.string().optional(), b: z.string().nullable().optional() })));
    expect(strict).toMatchObject({
      required: ['a', 'b'],
      properties: { a: { anyOf: [{ type: 'string' }, { type: 'null' }] }, b: { type: ['string', 'null'] } },
    });
  });

  it('keeps a property named `__proto__`, required or made nullable, as zod gives it', () => {
    const shape: Record<string, z.ZodType> = { b: z.number() };
    Object.defineProperty(shape, '__proto__', { value: z.string().optional(), enumerable: true });
    const strict = toStrictJsonSchema(toJson(z.object(shape)));
    expect(Object.keys(strict['properties'] as object).sort()).toEqual(['__proto__', 'b']);
    expect(JSON.stringify(strict)).toContain('"__proto__":{"anyOf":[{"type":"string"},{"type":"null"}]}');
    expect((strict['required'] as string[]).sort()).toEqual(['__proto__', 'b']);
  });

  it('does not change its input', () => {
    const input = toJson(z.object({ a: z.string().optional() }));
    const copy = structuredClone(input);
    toStrictJsonSchema(input);
    expect(input).toEqual(copy);
  });

  it('is an InputError for what strict mode cannot take: a non-object root, a record, a rejected keyword', () => {
    for (const schema of [
      { type: 'array', items: { type: 'string' } },
      toJson(z.object({ tags: z.record(z.string(), z.number()) })),
      { type: 'object', properties: { a: { type: 'string' } }, patternProperties: { '^x': { type: 'string' } } },
      { type: 'object', properties: { a: { allOf: [{ type: 'string' }] } } },
    ]) {
      expect(() => toStrictJsonSchema(schema), JSON.stringify(schema)).toThrow(InputError);
    }
  });
});
