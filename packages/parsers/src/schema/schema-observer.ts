import { safeParse, type $ZodType } from 'zod/v4/core';
import type { JsonObserver } from '../json/json-observer.js';
import type { JsonPath, JsonPathSegment, JsonValue } from '../json/json-value.js';
import { ParseFailure } from '../json/parse-failure.js';
import { toPointer } from '../patch/json-pointer.js';
import { childNodes } from './child-nodes.js';
import { describeNodes, fittingNodes, jsonTypeOf } from './fitting-nodes.js';
import { closestObjectNode, describeMissingKeys } from './missing-keys.js';
import { accepts, requiredKeys } from './required-keys.js';
import type { SchemaNode, SchemaNodes } from './schema-node.js';
import { schemaNodesOf } from './schema-nodes-of.js';
import { isNullForAbsent } from './null-as-absent.js';

function isContainer(value: JsonValue): value is JsonValue[] | Record<string, JsonValue> {
  return typeof value === 'object' && value !== null;
}

/**
 * Checks a growing value against a zod schema without re-validating it per
 * chunk: each value is checked when it starts (can its JSON type still fit?),
 * while it grows (can this open string still become one of the enum values?) and
 * when it completes (a scalar is validated once with its own schema; an object
 * must hold the required keys of some alternative). So the work is linear, and a
 * field that can no longer satisfy the schema fails as soon as that is certain.
 *
 * Never a false failure: where the schema cannot tell (any, unknown, catch,
 * coercion, intersections, custom types), nothing below is checked. Checks on a
 * whole container (refinements, array lengths) wait for {@link SchemaObserver.validate}, which
 * runs the full schema once on the final value.
 */
export class SchemaObserver implements JsonObserver {
  private readonly frames: SchemaNodes[] = []; // alternatives of each open container
  private readonly elements: (SchemaNodes | undefined)[] = []; // of each open array's elements, once known
  private current: SchemaNodes = 'any'; // alternatives of the open string or scalar
  private prefixes: readonly string[] | undefined; // what the open string must begin, when only enum/literal values fit
  private text = '';

  /** `nullAsAbsent`: accept `null` for an optional field (see `isNullForAbsent`). */
  constructor(
    private readonly schema: $ZodType,
    private readonly nullAsAbsent = false,
  ) {}

  /** Validates the final value with the whole schema (applying defaults and transforms); throws `ParseFailure` with zod issues. */
  validate(value: unknown): unknown {
    const result = safeParse(this.schema, value);
    if (result.success) return result.data;
    const described = result.error.issues.map((i) => (i.path.length === 0 ? i.message : `at ${toPointer(i.path.map(String))}: ${i.message}`));
    throw new ParseFailure(`Output does not match the schema: ${described.join('; ')}`, undefined, result.error.issues);
  }

  /** @internal */
  onStart(path: JsonPath, value: JsonValue): void {
    const depth = this.frames.length;
    const top = this.frames[depth - 1];
    const key = path[path.length - 1] as JsonPathSegment;
    const nodes = top === undefined ? schemaNodesOf(this.schema) : typeof key === 'number' ? this.elementNodes(depth - 1, top, key) : childNodes(top, key);
    let fitting: SchemaNodes = 'any';
    const absent = value === null && this.nullAsAbsent && top !== undefined && isNullForAbsent(top, key);
    if (nodes !== 'any' && !absent) {
      fitting = fittingNodes(nodes, value);
      if (nodes.length === 0) this.fail(`${typeof key === 'number' ? 'an item' : 'a key'} the schema does not allow`, path, nodes, value);
      if (fitting.length === 0) this.fail(`expected ${describeNodes(nodes)}, got ${jsonTypeOf(value)}`, path, nodes, value);
    }
    if (isContainer(value)) {
      this.frames.push(fitting);
      this.elements.push(undefined);
      return;
    }
    this.current = fitting;
    this.prefixes = undefined;
    if (typeof value === 'string' && fitting !== 'any' && onlyValues(fitting)) {
      this.prefixes = fitting.flatMap((n) => (n.kind === 'values' ? n.values.filter((v): v is string => typeof v === 'string') : []));
      this.text = '';
    }
  }

  /** @internal */
  onAppend(path: JsonPath, text: string): void {
    const prefixes = this.prefixes;
    if (prefixes === undefined) return;
    this.text += text;
    const sofar = this.text;
    if (!prefixes.some((p) => p.length >= sofar.length && p.startsWith(sofar))) {
      this.fail(`${JSON.stringify(sofar)} cannot begin any of ${prefixes.map((p) => JSON.stringify(p)).join(', ')}`, path, this.current, sofar);
    }
  }

  /** @internal */
  onEnd(path: JsonPath, value: JsonValue): void {
    if (!isContainer(value)) {
      const nodes = this.current;
      if (nodes !== 'any' && !acceptsScalar(nodes, value)) this.fail(undefined, path, nodes, value);
      return;
    }
    const nodes = this.frames.pop() as SchemaNodes;
    this.elements.pop();
    if (nodes === 'any' || Array.isArray(value)) return;
    if (someComplete(nodes, value)) return;
    const closest = closestObjectNode(nodes, value);
    if (closest === undefined) this.fail('missing required keys', path, nodes, value);
    this.fail(describeMissingKeys(closest, value), path, [closest], value);
  }

  // Every element of an array has the same alternatives (a tuple's differ by index): worked out once per array.
  private elementNodes(index: number, array: SchemaNodes, key: number): SchemaNodes {
    if (array !== 'any' && array.length === 1 && (array[0] as SchemaNode).kind === 'array') {
      return (this.elements[index] ??= childNodes(array, 0));
    }
    return childNodes(array, key);
  }

  // The message says where and what; the issues of the first alternative go along for code
  // (zod explains better than we could). `reason` undefined: a value only zod can explain.
  private fail(reason: string | undefined, path: JsonPath, nodes: SchemaNodes, value: unknown): never {
    const node = nodes === 'any' ? undefined : nodes.find((n): n is Exclude<SchemaNode, { kind: 'null' }> => n.kind !== 'null');
    // zod reports paths relative to the value checked; make them absolute in the document.
    const relative = node === undefined ? [] : (safeParse(node.schema, value).error?.issues ?? []);
    const issues = relative.map((issue) => ({ ...issue, path: [...path, ...issue.path] }));
    const where = path.length === 0 ? 'the root' : toPointer(path);
    const what = reason ?? `invalid ${jsonTypeOf(value as JsonValue)}${issues.length > 0 ? ` (${issues.map((i) => i.message).join('; ')})` : ''}`;
    throw new ParseFailure(`Output cannot match the schema at ${where}: ${what}`, undefined, issues);
  }
}

// True when only enum or literal values fit (a loop: this runs for every string of the document).
function onlyValues(nodes: readonly SchemaNode[]): boolean {
  for (const node of nodes) if (node.kind !== 'values') return false;
  return nodes.length > 0;
}

// A completed scalar satisfies one of the alternatives its JSON type fitted: one whose type is all it checks, or whose schema accepts it.
function acceptsScalar(nodes: readonly SchemaNode[], value: JsonValue): boolean {
  for (const node of nodes) if (node.kind === 'null' || ('plain' in node && node.plain) || accepts(node.schema, value)) return true;
  return false;
}

// Some alternative is satisfied by a completed object: not an object schema, or one whose required keys it holds.
function someComplete(nodes: readonly SchemaNode[], value: Record<string, JsonValue>): boolean {
  for (const node of nodes) if (node.kind !== 'object' || holdsRequiredKeys(node, value)) return true;
  return false;
}

function holdsRequiredKeys(node: SchemaNode & { kind: 'object' }, value: Record<string, JsonValue>): boolean {
  for (const key of requiredKeys(node)) if (!Object.hasOwn(value, key)) return false;
  return true;
}
