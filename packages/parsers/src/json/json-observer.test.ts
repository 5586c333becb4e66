import { describe, expect, it } from 'vitest';
import { PartialJsonParser, type JsonObserver } from '../index.js';

function record(chunks: readonly string[]): string[] {
  const events: string[] = [];
  const observer: JsonObserver = {
    onStart: (path, value) => events.push(`start ${path.join('.')} ${JSON.stringify(value)}`),
    onAppend: (path, text) => events.push(`append ${path.join('.')} ${JSON.stringify(text)}`),
    onEnd: (path, value) => events.push(`end ${path.join('.')} ${JSON.stringify(value)}`),
  };
  const p = new PartialJsonParser({ observers: [observer] });
  for (const c of chunks) {
    p.push(c);
    events.push('|');
  }
  p.end();
  return events;
}

describe('JsonObserver events', () => {
  it('reports starts, batched string appends and ends, in document order', () => {
    expect(record(['{"a": [1, "x\\n', 'y\\u00e9"], "b": tr', 'ue}'])).toStrictEqual([
      'start  {}',
      'start a []',
      'start a.0 1',
      'end a.0 1',
      'start a.1 ""',
      'append a.1 "x\\n"',
      '|',
      'append a.1 "yé"',
      'end a.1 "x\\nyé"',
      'end a [1,"x\\nyé"]',
      '|',
      'start b true',
      'end b true',
      'end  {"a":[1,"x\\nyé"],"b":true}',
      '|',
    ]);
  });

  it('reports a top-level number only at the end of the input', () => {
    expect(record(['4', '2'])).toStrictEqual(['|', '|', 'start  42', 'end  42']);
  });
});
