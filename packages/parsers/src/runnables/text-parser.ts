import { delta } from '@rivulet/core';
import { ParserRunnable } from './parser-runnable.js';

/**
 * Passes text through as deltas: the text of each string or message chunk.
 * `invoke` resolves to the whole text (`''` when there was none).
 *
 * @example
 * ```ts
 * const chain = prompt.pipe(model).pipe(textParser());
 * for await (const delta of chain.stream({ topic: 'tides' })) process.stdout.write(delta);
 * ```
 */
export function textParser(): ParserRunnable<string> {
  return new ParserRunnable<string>({
    name: 'textParser',
    aggregation: delta<string>(),
    session: () => {
      let emitted = false;
      return {
        push(text, emit) {
          if (text === '') return;
          emitted = true;
          emit(text);
        },
        end(emit) {
          if (!emitted) emit('');
        },
      };
    },
  });
}
