import { snapshot } from '@rivulet/core';
import type { $ZodType, output } from 'zod/v4/core';
import type { DeepPartial } from '../schema/deep-partial.js';
import { StructuredJsonParser } from '../schema/structured-json-parser.js';
import { ParserRunnable } from './parser-runnable.js';
import { keepIdentity } from '../snapshot/keep-identity.js';

/** Options of {@link structuredParser}. */
export interface StructuredParserOptions {
  /** Deepest nesting accepted (default 512). */
  readonly maxDepth?: number;
  /**
   * Read `null` in an optional field (one that does not accept `null` itself)
   * as the field left out, as strict providers write it (see
   * `StructuredJsonParserOptions.nullAsAbsent`). Default false.
   */
  readonly nullAsAbsent?: boolean;
}

/**
 * Parses streaming JSON into a value of a zod schema. It emits immutable
 * snapshots typed as a deep-partial of the schema's output while the value
 * grows, failing with `OutputParserError` (with zod `issues`) as soon as a
 * field can no longer satisfy the schema; its last chunk, and what `invoke`
 * resolves to, is the value validated by the whole schema (defaults and
 * transforms applied).
 *
 * @example
 * ```ts
 * const joke = z.object({ setup: z.string(), punchline: z.string() });
 * for await (const partial of model.pipe(structuredParser(joke)).stream(q)) render(partial.setup);
 * ```
 */
export function structuredParser<S extends $ZodType>(schema: S, options: StructuredParserOptions = {}): ParserRunnable<output<S>, DeepPartial<output<S>>> {
  type Chunk = DeepPartial<output<S>>;
  return new ParserRunnable<output<S>, Chunk>({
    name: 'structuredParser',
    aggregation: snapshot<Chunk, output<S>>(),
    session: () => {
      const parser = new StructuredJsonParser(schema, options);
      let last: unknown;
      const send = (emit: (chunk: Chunk) => void, value: unknown): void => {
        if (value === last) return;
        last = value;
        emit(value as Chunk);
      };
      return {
        push(text, emit) {
          parser.push(text);
          if (parser.due) send(emit, parser.value);
        },
        end(emit) {
          const validated = parser.end();
          // Validation builds a fresh tree: give unchanged subtrees back their identity.
          send(emit, keepIdentity(parser.value, validated));
        },
        get held() {
          return parser.changed;
        },
        flush(emit) {
          if (parser.changed) send(emit, parser.value);
        },
      };
    },
  });
}
