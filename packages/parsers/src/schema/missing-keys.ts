import type { $ZodType } from 'zod/v4/core';
import { describeNodes } from './fitting-nodes.js';
import { accepts, requiredKeys } from './required-keys.js';
import type { SchemaNode } from './schema-node.js';
import { schemaNodesOf } from './schema-nodes-of.js';

type ObjectNode = SchemaNode & { kind: 'object' };

/**
 * The object alternative a completed object was most likely meant to be: the one whose
 * present keys it gets right, then the one missing the fewest keys. So a discriminated
 * union's `{"type": "square"}` is reported against the square, not the first alternative.
 */
export function closestObjectNode(nodes: readonly SchemaNode[], value: Record<string, unknown>): ObjectNode | undefined {
  let best: { node: ObjectNode; wrong: number; missing: number } | undefined;
  for (const node of nodes) {
    if (node.kind !== 'object') continue;
    const wrong = Object.keys(value).filter((key) => key in node.shape && !accepts(node.shape[key] as $ZodType, value[key])).length;
    const missing = missingKeys(node, value).length;
    if (best === undefined || wrong < best.wrong || (wrong === best.wrong && missing < best.missing)) best = { node, wrong, missing };
  }
  return best?.node;
}

/** `missing required key "days" (expected number)`: what `value` lacks to be `node`, and the type each key wants. */
export function describeMissingKeys(node: ObjectNode, value: Record<string, unknown>): string {
  const missing = missingKeys(node, value).map((key) => {
    const nodes = schemaNodesOf(node.shape[key] as $ZodType);
    return nodes === 'any' ? JSON.stringify(key) : `${JSON.stringify(key)} (expected ${describeNodes(nodes)})`;
  });
  return `missing required key${missing.length === 1 ? '' : 's'} ${missing.join(', ')}`;
}

function missingKeys(node: ObjectNode, value: Record<string, unknown>): string[] {
  return requiredKeys(node).filter((key) => !Object.hasOwn(value, key));
}
