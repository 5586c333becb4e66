import { flattenString } from './flatten-string.js';
import type { JsonObserver } from './json-observer.js';
import type { JsonPathSegment, JsonValue } from './json-value.js';
import { ParseFailure } from './parse-failure.js';
import { setOwn } from './set-own.js';

type Container = JsonValue[] | Record<string, JsonValue>;

// What the grammar accepts next.
const VALUE = 0;
const VALUE_OR_CLOSE = 1; // just after '['
const KEY = 2;
const KEY_OR_CLOSE = 3; // just after '{'
const COLON = 4;
const COMMA_OR_CLOSE = 5;
const DONE = 6;

const EXPECTED = ['a value', "a value or ']'", 'a key', "a key or '}'", "':'", "',' or a closing bracket", 'nothing'];

/**
 * The grammar and the value of the JSON engine: receives tokens from the
 * tokenizer, checks they may come next, and builds the value in place with an
 * explicit stack (no recursion, so depth is bounded only by `maxDepth`).
 * Observers hear of every change as it happens.
 */
export class JsonTreeBuilder {
  /** The value built so far; mutated in place. */
  root: JsonValue | undefined = undefined;
  /** Where the latest token began, to place failures raised by observers. */
  position = 0;
  private grammar = VALUE;
  private readonly stack: Container[] = [];
  private readonly arrays: boolean[] = [];
  private readonly path: JsonPathSegment[] = [];
  private key = '';
  private text = '';
  private readonly starts: NonNullable<JsonObserver['onStart']>[];
  private readonly appends: NonNullable<JsonObserver['onAppend']>[];
  private readonly ends: NonNullable<JsonObserver['onEnd']>[];

  constructor(
    private readonly maxDepth: number,
    observers: readonly JsonObserver[],
  ) {
    this.starts = observers.flatMap((o) => (o.onStart ? [o.onStart.bind(o)] : []));
    this.appends = observers.flatMap((o) => (o.onAppend ? [o.onAppend.bind(o)] : []));
    this.ends = observers.flatMap((o) => (o.onEnd ? [o.onEnd.bind(o)] : []));
  }

  /** True once the top-level value is complete. */
  get done(): boolean {
    return this.grammar === DONE;
  }

  /** Fails unless a value may start at `position`; called when a token begins, before it is read whole. */
  checkValue(position: number): void {
    this.position = position;
    if (this.grammar !== VALUE && this.grammar !== VALUE_OR_CLOSE) this.unexpected('a value', position);
  }

  /** An opening bracket. */
  openContainer(isArray: boolean, position: number): void {
    this.checkValue(position);
    if (this.stack.length >= this.maxDepth) {
      throw new ParseFailure(`JSON nested deeper than maxDepth (${this.maxDepth})`, position);
    }
    const container: Container = isArray ? [] : {};
    this.attach(container);
    this.stack.push(container);
    this.arrays.push(isArray);
    this.grammar = isArray ? VALUE_OR_CLOSE : KEY_OR_CLOSE;
  }

  /** A closing bracket. */
  closeContainer(isArray: boolean, position: number): void {
    this.position = position;
    const depth = this.stack.length;
    const g = this.grammar;
    const fits = depth > 0 && this.arrays[depth - 1] === isArray;
    if (!fits || !(g === COMMA_OR_CLOSE || g === (isArray ? VALUE_OR_CLOSE : KEY_OR_CLOSE))) {
      this.unexpected(isArray ? "']'" : "'}'", position);
    }
    const container = this.stack.pop() as Container;
    this.arrays.pop();
    this.finish(isArray ? this.exactSize(container as JsonValue[]) : container);
  }

  /** A ':' between a key and its value. */
  colon(position: number): void {
    if (this.grammar !== COLON) this.unexpected("':'", position);
    this.grammar = VALUE;
  }

  /** A ',' between members or elements. */
  comma(position: number): void {
    if (this.grammar !== COMMA_OR_CLOSE) this.unexpected("','", position);
    this.grammar = this.arrays[this.stack.length - 1] ? VALUE : KEY;
  }

  /** An opening quote; returns true when the string is an object key. */
  beginString(position: number): boolean {
    this.position = position;
    if (this.grammar === KEY || this.grammar === KEY_OR_CLOSE) return true;
    this.checkValue(position);
    this.text = '';
    this.attach('');
    return false;
  }

  /** A complete object key; keys only become visible with their value. */
  setKey(key: string): void {
    this.key = key;
    this.grammar = COLON;
  }

  /** Decoded text of the open value string; called at most once per push. */
  appendString(text: string): void {
    if (text === '') return;
    this.text += text;
    this.write(this.text);
    for (const f of this.appends) f(this.path, text);
  }

  /** The closing quote of a value string. */
  endString(): void {
    const text = flattenString(this.text);
    this.text = '';
    this.finish(text);
  }

  /** A complete number, boolean or null. */
  scalar(value: number | boolean | null): void {
    this.attach(value);
    this.finish(value);
  }

  private attach(value: JsonValue): void {
    const depth = this.stack.length;
    if (depth === 0) {
      this.root = value;
    } else {
      const parent = this.stack[depth - 1] as Container;
      if (this.arrays[depth - 1]) {
        this.path.push((parent as JsonValue[]).length);
        (parent as JsonValue[]).push(value);
      } else {
        this.path.push(this.key);
        setOwn(parent as Record<string, JsonValue>, this.key, value);
      }
    }
    for (const f of this.starts) f(this.path, value);
  }

  // Replaces the open string's value in its parent with its longer prefix.
  private write(value: string): void {
    const depth = this.stack.length;
    if (depth === 0) {
      this.root = value;
    } else if (this.arrays[depth - 1]) {
      const parent = this.stack[depth - 1] as JsonValue[];
      parent[parent.length - 1] = value;
    } else {
      setOwn(this.stack[depth - 1] as Record<string, JsonValue>, this.key, value);
    }
  }

  // An array grown by push keeps spare capacity (a 2-element array holds 17 slots): a closed one, never
  // written again, is replaced in its parent by an exact-size copy, so a parsed value weighs about what
  // JSON.parse's does. One more copy of each element: linear.
  private exactSize(array: JsonValue[]): JsonValue[] {
    const exact = array.slice();
    const depth = this.stack.length;
    if (depth === 0) this.root = exact;
    else if (this.arrays[depth - 1]) (this.stack[depth - 1] as JsonValue[])[(this.path[this.path.length - 1] as number)] = exact;
    else setOwn(this.stack[depth - 1] as Record<string, JsonValue>, this.path[this.path.length - 1] as string, exact);
    return exact;
  }

  private finish(value: JsonValue): void {
    for (const f of this.ends) f(this.path, value);
    if (this.stack.length === 0) {
      this.grammar = DONE;
    } else {
      this.path.pop();
      this.grammar = COMMA_OR_CLOSE;
    }
  }

  private unexpected(found: string, position: number): never {
    throw new ParseFailure(`Unexpected ${found} in JSON, expected ${EXPECTED[this.grammar]}`, position);
  }
}
