import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMediaType } from './media-type.js';

const tokenChars = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const token = fc.string({ unit: fc.constantFrom(...tokenChars), minLength: 1, maxLength: 12 });
const space = fc.string({ unit: fc.constantFrom(' ', '\t'), maxLength: 3 });
const anyCase = (text: string) => fc.array(fc.boolean(), { minLength: text.length, maxLength: text.length }).map((upper) => [...text].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join(''));
// A parameter value written as a token or as a quoted string, whatever it holds (`;`, `"`, `\`, `=`).
const value = fc.oneof(
  token.map((text) => ({ text, written: text })),
  fc.string({ maxLength: 12 }).filter((text) => !/[\r\n]/.test(text)).map((text) => ({ text, written: `"${text.replace(/["\\]/g, (c) => `\\${c}`)}"` })),
);

describe('parseMediaType', () => {
  it('reads back any media type written by the grammar: essence lowercased, parameters unquoted, the first of a name kept', () => {
    fc.assert(
      fc.property(token, token, fc.array(fc.tuple(token, value, space, space), { maxLength: 4 }), space, space, (type, subtype, parameters, before, after) => {
        const written = `${before}${type}/${subtype}${parameters.map(([name, v, s1, s2]) => `${s1};${s2}${name}=${v.written}`).join('')}${after}`;
        const expected = new Map<string, string>();
        for (const [name, v] of parameters) if (!expected.has(name.toLowerCase())) expected.set(name.toLowerCase(), v.text);
        expect(parseMediaType(written)).toEqual({ essence: `${type}/${subtype}`.toLowerCase(), parameters: expected });
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws, whatever the header, and reads application/json in any case', () => {
    fc.assert(fc.property(fc.string(), (header) => void parseMediaType(header)), { numRuns: 2000 });
    fc.assert(fc.property(anyCase('application/json'), anyCase('charset=UTF-8'), (json, charset) => {
      expect(parseMediaType(`${json}; ${charset}`)?.essence).toBe('application/json');
    }));
  });

  it.each(['', 'application', 'application/', '/json', 'application /json', 'application/json; charset', 'application/json; =x', 'application/json; a="open', 'application/json x', 'application/json, text/plain', 'application/json; a=b c'])(
    'refuses a malformed value: %j',
    (header) => expect(parseMediaType(header)).toBeUndefined(),
  );

  it('does not end a quoted value at a quoted semicolon', () => {
    expect(parseMediaType('application/json; note="a;charset=latin1"; charset=utf-8')?.parameters).toEqual(new Map([['note', 'a;charset=latin1'], ['charset', 'utf-8']]));
  });
});
