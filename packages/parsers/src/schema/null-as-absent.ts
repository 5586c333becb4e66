import type { $ZodType } from 'zod/v4/core';
import type { JsonPathSegment } from '../json/json-value.js';
import { childNodes } from './child-nodes.js';
import type { SchemaNodes } from './schema-node.js';
import { schemaNodesOf } from './schema-nodes-of.js';

/**
 * True when, under `parent`, a `null` at `key` stands for an absent field: the
 * key is optional in an object alternative whose field does not itself accept
 * `null`. Strict providers (OpenAI's `strict: true`) must list every field as
 * required, so they are sent optional fields as nullable and write `null` for
 * a field left out.
 */
export function isNullForAbsent(parent: SchemaNodes, key: JsonPathSegment): boolean {
  if (parent === 'any' || typeof key !== 'string') return false;
  return parent.some((node) => {
    if (node.kind !== 'object' || !Object.hasOwn(node.shape, key)) return false;
    const field = node.shape[key] as $ZodType;
    if (field._zod.optin !== 'optional') return false;
    const nodes = schemaNodesOf(field);
    return nodes !== 'any' && !nodes.some((n) => n.kind === 'null');
  });
}

/**
 * `value` without the `null`s that stand for absent fields (see
 * {@link isNullForAbsent}); containers without any keep their identity. One
 * walk, at the end of the input.
 */
export function dropNullsForAbsent(value: unknown, nodes: SchemaNodes): unknown {
  if (nodes === 'any' || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, i) => {
      const next = dropNullsForAbsent(item, childNodes(nodes, i));
      if (next !== item) (copy ??= [...value])[i] = next;
    });
    return copy ?? value;
  }
  let copy: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (item === null && isNullForAbsent(nodes, key)) {
      copy ??= { ...(value as Record<string, unknown>) };
      delete copy[key];
      continue;
    }
    const next = dropNullsForAbsent(item, childNodes(nodes, key));
    if (next !== item) (copy ??= { ...(value as Record<string, unknown>) })[key] = next;
  }
  return copy ?? value;
}
