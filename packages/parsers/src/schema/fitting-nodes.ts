import type { JsonValue } from '../json/json-value.js';
import type { SchemaNode } from './schema-node.js';

/** The JSON type of a value, as messages name it. */
export function jsonTypeOf(value: JsonValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function fits(node: SchemaNode, value: JsonValue): boolean {
  switch (node.kind) {
    case 'object':
    case 'record':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array':
    case 'tuple':
      return Array.isArray(value);
    case 'null':
      return value === null;
    case 'values':
      // An open string is checked by prefix later; here only its type matters.
      return node.values.some((v) => (typeof value === 'string' ? typeof v === 'string' : v === value));
    default:
      return typeof value === node.kind;
  }
}

/**
 * The alternatives a value that just started can still satisfy: by JSON type,
 * and for a scalar (which starts complete) by its exact value for literals and enums.
 */
export function fittingNodes(nodes: readonly SchemaNode[], value: JsonValue): readonly SchemaNode[] {
  // Usually every alternative fits (there is one): keep the same array, allocate nothing.
  for (let i = 0; i < nodes.length; i++) if (!fits(nodes[i] as SchemaNode, value)) return nodes.filter((node) => fits(node, value));
  return nodes;
}

/** What the alternatives expect, for messages ("string or null"). */
export function describeNodes(nodes: readonly SchemaNode[]): string {
  const names = nodes.map((n) => (n.kind === 'values' ? n.values.map((v) => JSON.stringify(v)).join(' or ') : n.kind === 'tuple' ? 'array' : n.kind === 'record' ? 'object' : n.kind));
  return [...new Set(names)].join(' or ') || 'nothing';
}
