import { items } from '@rivulet/core';
import { safeParse, type $ZodType, type output } from 'zod/v4/core';
import { ElementObserver } from '../elements/element-observer.js';
import { ParseFailure } from '../json/parse-failure.js';
import { PartialJsonParser } from '../json/partial-json-parser.js';
import { toOutputParserError } from '../json/to-output-parser-error.js';
import { ParserRunnable } from './parser-runnable.js';

/** Options of {@link elementsParser}. */
export interface ElementsParserOptions {
  /** JSON Pointer (RFC 6901) of the array: `''` (default) for a top-level array, `'/items'` for `{ "items": [...] }`. */
  readonly path?: string;
  /** Deepest nesting accepted (default 512). */
  readonly maxDepth?: number;
}

/**
 * Parses the elements of a streaming JSON array, each validated by `schema`
 * the moment it is complete. Each chunk is **one** element; `invoke` resolves
 * to the array of all of them.
 * An invalid element, a missing array or invalid JSON fails with `OutputParserError`.
 *
 * @example
 * ```ts
 * const city = z.object({ name: z.string(), population: z.number() });
 * for await (const c of model.pipe(elementsParser(city, { path: '/cities' })).stream(q)) show(c);
 * ```
 */
export function elementsParser<S extends $ZodType>(schema: S, options: ElementsParserOptions = {}): ParserRunnable<output<S>[], output<S>> {
  const path = options.path ?? '';
  return new ParserRunnable<output<S>[], output<S>>({
    name: 'elementsParser',
    aggregation: items<output<S>>(),
    session: () => {
      let batch: output<S>[] = [];
      const elements = new ElementObserver(path, (element, index) => {
        const result = safeParse(schema, element);
        if (!result.success) throw new ParseFailure(`Element ${index} of the array at "${path}" does not match the schema`, undefined, result.error.issues);
        batch.push(result.data);
      });
      const parser = new PartialJsonParser({ ...(options.maxDepth !== undefined && { maxDepth: options.maxDepth }), observers: [elements] });
      const flush = (emit: (chunk: output<S>) => void): void => {
        if (batch.length === 0) return;
        const done = batch;
        batch = [];
        for (const element of done) emit(element);
      };
      return {
        push(text, emit) {
          try {
            parser.push(text);
          } finally {
            flush(emit);
          }
        },
        end(emit) {
          parser.end();
          if (!elements.found) throw toOutputParserError(new ParseFailure(`No array at JSON Pointer "${path}"`), parser.text, parser.text.length);
          flush(emit);
        },
      };
    },
  });
}
