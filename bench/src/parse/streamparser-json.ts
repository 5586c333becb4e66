import { JSONParser } from '@streamparser/json';
import type { ParseContender } from './parse-contender.js';

/**
 * `@streamparser/json`, an incremental tokenizer and parser, with partial
 * tokens and values on. It builds the value in place (`keepStack`), so the
 * current value is the root container, read after every chunk; values still
 * being read (an open string) are reported through `onValue` but only enter
 * the tree once complete.
 */
export const streamparserJson: ParseContender = {
  name: '@streamparser/json',
  kind: 'incremental',
  parseStream(chunks) {
    const parser = new JSONParser({ emitPartialTokens: true, emitPartialValues: true, keepStack: true });
    let root: unknown;
    parser.onValue = ({ value, parent, stack }) => {
      // The root is the value at depth 1 of the stack, the parent at depth 1, or the value itself once complete.
      root = stack.length > 1 ? stack[1]?.value : stack.length === 1 ? parent : value;
    };
    let value: unknown;
    for (const chunk of chunks) {
      parser.write(chunk);
      value = root;
    }
    return value;
  },
};
