import { snapshot } from '@rivulet/core';
import type { $ZodType, output } from 'zod/v4/core';
import type { DeepPartial } from '../schema/deep-partial.js';
import { StructuredJsonParser } from '../schema/structured-json-parser.js';
import { ParserRunnable } from './parser-runnable.js';

/** Options of {@link structuredParser}. */
export interface StructuredParserOptions {
  /** Deepest nesting accepted (default 512). */
  readonly maxDepth?: number;
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
    aggregator: snapshot<Chunk>(),
    session: () => {
      const parser = new StructuredJsonParser(schema, options);
      return {
        push(text, emit) {
          parser.push(text);
          if (parser.changed) emit(parser.value as Chunk);
        },
        end(emit) {
          emit(parser.end() as Chunk);
        },
      };
    },
  });
}
