import type { $ZodType, output } from 'zod/v4/core';
import { PartialJsonParser, type PartialJsonParserOptions } from '../json/partial-json-parser.js';
import { ParseFailure } from '../json/parse-failure.js';
import { toOutputParserError } from '../json/to-output-parser-error.js';
import { SnapshotObserver } from '../snapshot/snapshot-observer.js';
import type { DeepPartial } from './deep-partial.js';
import { SchemaObserver } from './schema-observer.js';
import { dropNullsForAbsent } from './null-as-absent.js';
import { schemaNodesOf } from './schema-nodes-of.js';

/** Options of {@link StructuredJsonParser}. */
export interface StructuredJsonParserOptions extends Omit<PartialJsonParserOptions, 'observers'> {
  /**
   * Read `null` in an optional field (one that does not accept `null` itself) as the
   * field left out: strict providers must be sent every field as required, so they
   * write `null` for one they would have omitted. The final value drops it;
   * snapshots show the `null` until then. Default false.
   */
  readonly nullAsAbsent?: boolean | undefined;
}

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
  private readonly schema: S;
  private readonly nullAsAbsent: boolean;

  constructor(schema: S, options: StructuredJsonParserOptions = {}) {
    const { nullAsAbsent = false, ...parserOptions } = options;
    this.schema = schema;
    this.nullAsAbsent = nullAsAbsent;
    this.checker = new SchemaObserver(schema, nullAsAbsent);
    this.parser = new PartialJsonParser({ ...parserOptions, observers: [this.checker, this.snapshots] });
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
    const raw = this.parser.end();
    const value = this.nullAsAbsent ? dropNullsForAbsent(raw, schemaNodesOf(this.schema)) : raw;
    try {
      return this.checker.validate(value) as output<S>;
    } catch (e) {
      const text = this.parser.text;
      this.error = e instanceof ParseFailure ? toOutputParserError(e, text, text.length) : e;
      throw this.error;
    }
  }
}
