import type { $ZodType } from 'zod/v4/core';
import type { JsonPathSegment } from '../json/json-value.js';
import type { SchemaNode, SchemaNodes } from './schema-node.js';
import { schemaNodesOf } from './schema-nodes-of.js';

// The schema a container alternative gives its child at `key`: 'any' when
// anything goes there (unknown keys of a stripping object), 'none' when nothing.
function childSchema(node: SchemaNode, key: JsonPathSegment): $ZodType | 'any' | 'none' {
  switch (node.kind) {
    case 'object':
      return Object.hasOwn(node.shape, key) ? (node.shape[key] as $ZodType) : node.rest;
    case 'record':
      return node.value;
    case 'array':
      return node.element;
    case 'tuple':
      return typeof key === 'number' && key < node.items.length ? (node.items[key] as $ZodType) : (node.rest ?? 'none');
    default:
      return 'none';
  }
}

/** The alternatives for the child at `key` of a container whose alternatives are `parent`. */
export function childNodes(parent: SchemaNodes, key: JsonPathSegment): SchemaNodes {
  if (parent === 'any') return 'any';
  if (parent.length === 1) {
    // The common case, once per value: no array to build.
    const schema = childSchema(parent[0] as SchemaNode, key);
    return schema === 'any' ? 'any' : schema === 'none' ? [] : schemaNodesOf(schema);
  }
  const out: SchemaNode[] = [];
  for (const node of parent) {
    const schema = childSchema(node, key);
    if (schema === 'any') return 'any';
    if (schema === 'none') continue;
    const nodes = schemaNodesOf(schema);
    if (nodes === 'any') return 'any';
    for (const n of nodes) if (!out.includes(n)) out.push(n);
  }
  return out;
}
