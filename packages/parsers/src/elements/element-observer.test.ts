import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ElementObserver, PartialJsonParser } from '../index.js';
import { chunkSizes, jsonValue, split } from '../test-support/json-arbitraries.js';
import { expectSameJson } from '../test-support/same-json.js';

function elements(pointer: string, chunks: readonly string[]): [unknown, number][][] {
  const found: [unknown, number][] = [];
  const p = new PartialJsonParser({ observers: [new ElementObserver(pointer, (e, i) => found.push([e, i]))] });
  return chunks.map((c) => {
    p.push(c);
    return found.splice(0);
  });
}

describe('ElementObserver', () => {
  it('reports each element of the top-level array once it is complete', () => {
    expect(elements('', ['[{"a": 1}, ', '"x', 'y", 3', ', [4]]'])).toStrictEqual([[[{ a: 1 }, 0]], [], [[ 'xy', 1 ]], [[3, 2], [[4], 3]]]);
  });

  it('follows a JSON Pointer and ignores arrays elsewhere', () => {
    const text = '{"other": [1], "data": {"a/b": [[0], {"id": 7}]}, "x": {"a/b": [9]}}';
    expect(elements('/data/a~1b', [text]).flat()).toStrictEqual([[[0], 0], [{ id: 7 }, 1]]);
  });

  it('reports every element of any array, in any chunking', () => {
    fc.assert(
      fc.property(fc.array(jsonValue, { maxLength: 6 }), chunkSizes, (array, sizes) => {
        const found = elements('/items', split(JSON.stringify({ items: array }), sizes)).flat();
        expect(found.map(([, i]) => i)).toStrictEqual(array.map((_, i) => i));
        found.forEach(([e, i]) => expectSameJson(e, array[i]));
      }),
    );
  });
});
