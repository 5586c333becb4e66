import { items } from '@rivulet/core';
import { ListSplitter, type ListSeparator } from '../list/list-splitter.js';
import { ParserRunnable } from './parser-runnable.js';

/** Options of {@link listParser}. */
export interface ListParserOptions {
  /** `'auto'` (default) decides from the text; see {@link ListSplitter} for the rule. */
  readonly separator?: ListSeparator;
}

/**
 * Splits streaming text into list items (comma- or line-separated, bullets and
 * numbers removed), emitting items as they complete. Each chunk is **one**
 * item; `invoke` resolves to the array of all items (`[]` for none).
 *
 * @example
 * ```ts
 * await prompt.pipe(model).pipe(listParser()).invoke({ n: 3 }); // ['red', 'green', 'blue']
 * ```
 */
export function listParser(options: ListParserOptions = {}): ParserRunnable<string[], string> {
  return new ParserRunnable<string[], string>({
    name: 'listParser',
    aggregation: items<string>(),
    session: () => {
      const splitter = new ListSplitter(options.separator);
      const send = (completed: string[], emit: (chunk: string) => void): void => {
        for (const item of completed) emit(item);
      };
      return {
        push: (text, emit) => send(splitter.push(text), emit),
        end: (emit) => send(splitter.end(), emit),
      };
    },
  });
}
