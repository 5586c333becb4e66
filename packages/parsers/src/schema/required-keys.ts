import { safeParse, type $ZodType } from 'zod/v4/core';
import type { SchemaNode } from './schema-node.js';

const cache = new WeakMap<SchemaNode, readonly string[]>();

/** The keys an object alternative cannot do without (those whose schema rejects `undefined`), computed once. */
export function requiredKeys(node: SchemaNode & { kind: 'object' }): readonly string[] {
  let keys = cache.get(node);
  if (keys === undefined) {
    keys = Object.keys(node.shape).filter((key) => !accepts(node.shape[key] as $ZodType, undefined));
    cache.set(node, keys);
  }
  return keys;
}

/** True when `schema` accepts `value`; a schema that cannot run synchronously (async refinements) counts as accepting. */
export function accepts(schema: $ZodType, value: unknown): boolean {
  try {
    return safeParse(schema, value).success;
  } catch {
    return true;
  }
}
