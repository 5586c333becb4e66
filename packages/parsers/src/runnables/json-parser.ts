import { delta, snapshot } from '@rivulet/core';
import { PartialJsonParser } from '../json/partial-json-parser.js';
import type { JsonValue } from '../json/json-value.js';
import type { JsonPatchOperation } from '../patch/json-patch.js';
import { PatchObserver } from '../patch/patch-observer.js';
import type { DeepPartial } from '../schema/deep-partial.js';
import { SnapshotObserver } from '../snapshot/snapshot-observer.js';
import { ParserRunnable, type ParseSession } from './parser-runnable.js';

/** Options of {@link jsonParser}. */
export interface JsonParserOptions {
  /** `'snapshot'` (default): emit the whole value so far; `'patch'`: emit JSON Patch operations. */
  readonly mode?: 'snapshot' | 'patch';
  /** Deepest nesting accepted (default 512). */
  readonly maxDepth?: number;
}

/**
 * Parses streaming JSON (tolerating code fences and leading prose).
 *
 * In snapshot mode (the default) it emits immutable snapshots of the value so
 * far: unchanged subtrees keep their identity, changed ones are new objects.
 * A snapshot follows every chunk that changed the value while that is cheap;
 * for documents with wide arrays, snapshots are spaced so that copying stays
 * linear (see `SnapshotBudget`), yet a new field, the end of the input and a
 * quiet input always bring one. `invoke` resolves to the final value.
 *
 * With `{ mode: 'patch' }` it emits, per chunk, the JSON Patch operations
 * (`add`, `replace`, `remove`, and `append` for strings) that bring a copy up
 * to date (rebuild it with `applyPatch`); bytes emitted are O(n).
 * `invoke` resolves to all operations.
 *
 * Invalid or incomplete JSON fails with `OutputParserError`.
 *
 * @example
 * ```ts
 * for await (const value of model.pipe(jsonParser()).stream(question)) render(value);
 * ```
 */
export function jsonParser(options?: JsonParserOptions & { readonly mode?: 'snapshot' }): ParserRunnable<JsonValue>;
/** With an explicit type: chunks are typed as its deep-partial (not checked; see `structuredParser` for validation). */
export function jsonParser<T>(options?: JsonParserOptions & { readonly mode?: 'snapshot' }): ParserRunnable<T, DeepPartial<T>>;
export function jsonParser(options: JsonParserOptions & { readonly mode: 'patch' }): ParserRunnable<JsonPatchOperation[]>;
export function jsonParser(options: JsonParserOptions = {}): ParserRunnable<unknown> {
  const maxDepth = options.maxDepth === undefined ? {} : { maxDepth: options.maxDepth };
  if (options.mode === 'patch') {
    return new ParserRunnable<JsonPatchOperation[]>({
      name: 'jsonParser',
      aggregation: delta<JsonPatchOperation[]>(),
      session: () => {
        const patches = new PatchObserver();
        return engineSession(new PartialJsonParser({ ...maxDepth, observers: [patches] }), (emit) => {
          const ops = patches.take();
          if (ops.length > 0) emit(ops);
        });
      },
    });
  }
  return new ParserRunnable<unknown>({
    name: 'jsonParser',
    aggregation: snapshot<unknown>(),
    session: () => {
      const snapshots = new SnapshotObserver();
      const parser = new PartialJsonParser({ ...maxDepth, observers: [snapshots] });
      const publish = (emit: (chunk: unknown) => void): void => {
        if (snapshots.changed) emit(snapshots.publish());
      };
      return {
        push(text, emit) {
          parser.push(text);
          snapshots.advance(text.length);
          if (snapshots.due) emit(snapshots.publish());
        },
        end(emit) {
          parser.end();
          publish(emit);
        },
        get held() {
          return snapshots.changed;
        },
        flush: publish,
      };
    },
  });
}

/** A session that feeds the engine and, after each push and at the end, lets its observer emit what changed. */
function engineSession<C>(parser: PartialJsonParser, flush: (emit: (chunk: C) => void) => void): ParseSession<C> {
  return {
    push(text, emit) {
      parser.push(text);
      flush(emit);
    },
    end(emit) {
      parser.end();
      flush(emit);
    },
  };
}
