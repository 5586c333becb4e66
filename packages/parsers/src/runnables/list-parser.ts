import { delta } from '@rivulet/core';
import { ListSplitter, type ListSeparator } from '../list/list-splitter.js';
import { ParserRunnable } from './parser-runnable.js';

/** Options of {@link listParser}. */
export interface ListParserOptions {
  /** `'auto'` (default) decides from the text; see {@link ListSplitter} for the rule. */
  readonly separator?: ListSeparator;
}

/**
 * Splits streaming text into list items (comma- or line-separated, bullets and
 * numbers removed), emitting items as they complete. Each chunk is the array
 * of items completed by one input chunk; `invoke` resolves to all items.
 *
 * @example
 * ```ts
 * await prompt.pipe(model).pipe(listParser()).invoke({ n: 3 }); // ['red', 'green', 'blue']
 * ```
 */
export function listParser(options: ListParserOptions = {}): ParserRunnable<string[]> {
  return new ParserRunnable<string[]>({
    name: 'listParser',
    aggregator: delta<string[]>(),
    session: () => {
      const splitter = new ListSplitter(options.separator);
      let emitted = false;
      const send = (items: string[], emit: (chunk: string[]) => void): void => {
        if (items.length === 0) return;
        emitted = true;
        emit(items);
      };
      return {
        push: (text, emit) => send(splitter.push(text), emit),
        end(emit) {
          send(splitter.end(), emit);
          if (!emitted) emit([]);
        },
      };
    },
  });
}
