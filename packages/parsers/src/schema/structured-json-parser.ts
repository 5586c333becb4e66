import type { $ZodType, output } from 'zod/v4/core';
import { PartialJsonParser, type PartialJsonParserOptions } from '../json/partial-json-parser.js';
import { ParseFailure } from '../json/parse-failure.js';
import { toOutputParserError } from '../json/to-output-parser-error.js';
import { SnapshotObserver } from '../snapshot/snapshot-observer.js';
import type { DeepPartial } from './deep-partial.js';
import { SchemaObserver } from './schema-observer.js';

/**
 * Incremental JSON parsing checked against a zod schema as the value grows
 * (see {@link SchemaObserver}), with immutable snapshots (see
 * {@link SnapshotObserver}). The pure engine behind `structuredParser`.
 *
 * @example
 * ```ts
 * const p = new StructuredJsonParser(z.object({ mood: z.enum(['happy', 'sad']) }));
 * p.push('{"mood": "ha');
 * p.value; // { mood: 'ha' }
 * p.push('ngry"}'); // throws OutputParserError: "hang" cannot begin "happy" or "sad"
 * ```
 */
export class StructuredJsonParser<S extends $ZodType> {
  private readonly parser: PartialJsonParser;
  private readonly snapshots = new SnapshotObserver();
  private readonly checker: SchemaObserver;
  private error: unknown;

  constructor(schema: S, options: Omit<PartialJsonParserOptions, 'observers'> = {}) {
    this.checker = new SchemaObserver(schema);
    this.parser = new PartialJsonParser({ ...options, observers: [this.checker, this.snapshots] });
  }

  /** True when the value changed since it was last read. */
  get changed(): boolean {
    return this.snapshots.changed;
  }

  /** True when a snapshot should be read now (see `SnapshotObserver.due`); read it anyway at the end or when the input pauses. */
  get due(): boolean {
    return this.snapshots.due;
  }

  /** Elements copied for snapshots so far: linear in the input, whatever the document's shape. */
  get copiedElements(): number {
    return this.snapshots.budget.copied;
  }

  /** The value so far as an immutable snapshot (unchanged subtrees keep their identity); not yet validated whole. */
  get value(): DeepPartial<output<S>> | undefined {
    return this.snapshots.publish() as DeepPartial<output<S>> | undefined;
  }

  /** Reads the next chunk; throws `OutputParserError` at invalid JSON or a value that can no longer match. */
  push(chunk: string): void {
    this.parser.push(chunk);
    this.snapshots.advance(chunk.length);
  }

  /** Ends the input and returns the value validated by the whole schema (defaults and transforms applied). */
  end(): output<S> {
    if (this.error !== undefined) throw this.error;
    const value = this.parser.end();
    try {
      return this.checker.validate(value) as output<S>;
    } catch (e) {
      const text = this.parser.text;
      this.error = e instanceof ParseFailure ? toOutputParserError(e, text, text.length) : e;
      throw this.error;
    }
  }
}
