import type { $ZodType } from 'zod/v4/core';
import type { SchemaNode, SchemaNodes } from './schema-node.js';

// The parts of zod 4's public definitions (`schema._zod.def`) read here.
interface Def {
  type: string;
  coerce?: boolean;
  innerType?: $ZodType;
  options?: readonly $ZodType[];
  shape?: Record<string, $ZodType>;
  catchall?: $ZodType;
  element?: $ZodType;
  items?: readonly $ZodType[];
  rest?: $ZodType | null;
  valueType?: $ZodType;
  values?: readonly unknown[];
  entries?: Record<string, unknown>;
  in?: $ZodType;
  getter?: () => $ZodType;
  checks?: readonly unknown[];
  format?: string;
}

const cache = new WeakMap<$ZodType, SchemaNodes>();
const WRAPPERS = new Set(['optional', 'default', 'prefault', 'readonly', 'nonoptional']);

/** The alternatives `schema` allows for a raw JSON value, computed once per schema. */
export function schemaNodesOf(schema: $ZodType): SchemaNodes {
  let nodes = cache.get(schema);
  if (nodes === undefined) {
    const out: SchemaNode[] = [];
    // Recursive schemas (z.lazy) meet themselves again: can't tell there, rather than loop.
    cache.set(schema, 'any');
    nodes = collect(schema, out, 0) ? out : 'any';
    cache.set(schema, nodes);
  }
  return nodes;
}

// Adds the alternatives of `schema` to `out`; false when the schema cannot tell.
function collect(schema: $ZodType, out: SchemaNode[], depth: number): boolean {
  const def = schema._zod.def as unknown as Def;
  if (depth > 32 || def.coerce) return false;
  if (WRAPPERS.has(def.type)) return collect(def.innerType as $ZodType, out, depth + 1);
  switch (def.type) {
    case 'nullable':
      out.push({ kind: 'null' });
      return collect(def.innerType as $ZodType, out, depth + 1);
    case 'union':
      return (def.options ?? []).every((option) => collect(option, out, depth + 1));
    case 'pipe':
      return collect(def.in as $ZodType, out, depth + 1);
    case 'lazy': {
      const inner = schemaNodesOf((def.getter as () => $ZodType)());
      if (inner === 'any') return false;
      out.push(...inner);
      return true;
    }
    case 'object': {
      const catchall = def.catchall;
      const rest = catchall === undefined ? 'any' : (catchall._zod.def as unknown as Def).type === 'never' ? 'none' : catchall;
      out.push({ kind: 'object', schema, shape: def.shape ?? {}, rest });
      return true;
    }
    case 'record':
      out.push({ kind: 'record', schema, value: def.valueType as $ZodType });
      return true;
    case 'array':
      out.push({ kind: 'array', schema, element: def.element as $ZodType });
      return true;
    case 'tuple':
      out.push({ kind: 'tuple', schema, items: def.items ?? [], rest: def.rest ?? null });
      return true;
    case 'string':
    case 'template_literal':
      out.push({ kind: 'string', schema, plain: def.type === 'string' && isUnchecked(def) });
      return true;
    case 'number':
    case 'int':
      out.push({ kind: 'number', schema, plain: def.type === 'number' && isUnchecked(def) });
      return true;
    case 'boolean':
      out.push({ kind: 'boolean', schema, plain: isUnchecked(def) });
      return true;
    case 'null':
      out.push({ kind: 'null' });
      return true;
    case 'literal':
      out.push({ kind: 'values', schema, values: def.values ?? [] });
      return true;
    case 'enum':
      out.push({ kind: 'values', schema, values: Object.values(def.entries ?? {}) });
      return true;
    default:
      return false;
  }
}

// A scalar schema with no checks and no format (email, int...) accepts every value of its JSON type (JSON has no NaN or Infinity).
function isUnchecked(def: Def): boolean {
  return (def.checks?.length ?? 0) === 0 && def.format === undefined;
}
