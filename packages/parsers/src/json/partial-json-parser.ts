import type { OutputParserError } from '@rivulet/core';
import { flattenString } from './flatten-string.js';
import type { JsonObserver } from './json-observer.js';
import { ParseFailure } from './parse-failure.js';
import { JsonTokenizer } from './json-tokenizer.js';
import { toOutputParserError } from './to-output-parser-error.js';
import { JsonTreeBuilder } from './json-tree-builder.js';
import type { JsonValue } from './json-value.js';

/** Options of a {@link PartialJsonParser}. */
export interface PartialJsonParserOptions {
  /**
   * Deepest nesting of objects and arrays accepted; deeper input fails with an
   * `OutputParserError`. The engine has no recursion, so `Infinity` is safe too.
   * @defaultValue 512
   */
  readonly maxDepth?: number;
  /** Notified of every value as it starts, grows and completes (see {@link JsonObserver}). */
  readonly observers?: readonly JsonObserver[];
}

/** Default of {@link PartialJsonParserOptions.maxDepth}: far deeper than any real output, far shallower than a stack. */
export const DEFAULT_MAX_DEPTH = 512;

/** Chunks per flat string of the kept raw text. */
const BLOCK_CHUNKS = 256;

/**
 * Incremental JSON parser for model output: push chunks, read the partial value
 * at any time. Work is linear in the input: each character is examined a
 * bounded number of times and nothing is re-parsed, so reading `value` after
 * every chunk of a long stream costs O(1) per read.
 *
 * `value` is built in place and mutated by later pushes; use a
 * `SnapshotObserver` (or `jsonParser()`) for immutable values. Strings
 * appear as their prefix so far; numbers, literals and keys only once complete
 * (a key with its value); no half escape sequence or surrogate pair is ever visible.
 * Raw control characters inside strings are accepted as they are (models emit
 * raw newlines), unlike `JSON.parse`.
 *
 * Where the JSON starts: leading whitespace and code fences (```` ```json ````)
 * are skipped; if the text then begins like JSON (`{`, `[`, `"`, `-`, a digit,
 * `true`, `false`, `null`) the JSON starts there, so a bare scalar is a document
 * (a bare number must be followed by whitespace, a fence or the end; otherwise,
 * like `1. First`, it is prose). Otherwise the text is prose and the JSON starts
 * at the first `{` or `[`, or inside the first code fence. Anything after the
 * top-level value is ignored, and `done` turns true as soon as it is complete.
 *
 * After an error, every further `push()` and `end()` throws the same error.
 *
 * @example
 * ```ts
 * const p = new PartialJsonParser();
 * p.push('Sure! ```json\n{"name": "Ad');
 * p.value; // { name: 'Ad' }
 * p.push('a", "age": 36}\n```');
 * p.end(); // { name: 'Ada', age: 36 }
 * ```
 */
export class PartialJsonParser {
  private readonly builder: JsonTreeBuilder;
  private readonly tokenizer: JsonTokenizer;
  // The raw text, kept for `OutputParserError.text`. Chunks are appended to
  // `block`, which is flattened and sealed every BLOCK_CHUNKS chunks: kept
  // one by one, 4-character chunks weigh about 8 bytes of heap per character
  // (a string header and an array slot each), several times the text itself,
  // for the whole life of the parser.
  private blocks: string[] = [];
  private block = '';
  private blockChunks = 0;
  private error: OutputParserError | undefined;
  private ended = false;

  constructor(options: PartialJsonParserOptions = {}) {
    this.builder = new JsonTreeBuilder(options.maxDepth ?? DEFAULT_MAX_DEPTH, options.observers ?? []);
    this.tokenizer = new JsonTokenizer(this.builder);
  }

  /** The value so far, `undefined` before any. Live: later pushes mutate it. */
  get value(): JsonValue | undefined {
    return this.builder.root;
  }

  /** True once a complete top-level value was read. */
  get done(): boolean {
    return this.builder.done;
  }

  /** Reads the next chunk of text; throws `OutputParserError` at invalid JSON. */
  push(chunk: string): void {
    if (this.error) throw this.error;
    this.block += chunk;
    if (++this.blockChunks >= BLOCK_CHUNKS) this.seal();
    if (this.builder.done) return; // the rest is ignored
    try {
      this.tokenizer.push(chunk);
    } catch (e) {
      throw this.fail(e);
    }
  }

  /** Ends the input and returns the complete value; throws `OutputParserError` if it is incomplete or invalid. */
  end(): JsonValue {
    if (this.error) throw this.error;
    if (!this.ended) {
      try {
        this.tokenizer.end();
      } catch (e) {
        throw this.fail(e);
      }
      this.ended = true;
    }
    return this.builder.root as JsonValue;
  }

  /** All the raw text pushed so far. */
  get text(): string {
    this.seal();
    if (this.blocks.length > 1) this.blocks = [this.blocks.join('')];
    return this.blocks[0] ?? '';
  }

  private seal(): void {
    if (this.block !== '') this.blocks.push(flattenString(this.block));
    this.block = '';
    this.blockChunks = 0;
  }

  private fail(e: unknown): unknown {
    if (!(e instanceof ParseFailure)) return e;
    this.error = toOutputParserError(e, this.text, this.builder.position);
    return this.error;
  }
}
