import { thrownBy } from '@rivulet/test-kit';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputError } from '@rivulet/core';
import { parseFString } from './parse-fstring.js';

describe('parseFString', () => {
  it('splits text and variables, merging escapes into the text', () => {
    expect(parseFString('a {x} {{b}} }}{y}{x}').nodes).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'variable', name: 'x', path: ['x'] },
      { kind: 'text', text: ' {b} }' },
      { kind: 'variable', name: 'y', path: ['y'] },
      { kind: 'variable', name: 'x', path: ['x'] },
    ]);
    expect(parseFString('a {x} {y} {x}').variables).toEqual(['x', 'y']);
    expect(parseFString('').nodes).toEqual([]);
    expect(parseFString('{{{x}}}').nodes).toEqual([
      { kind: 'text', text: '{' },
      { kind: 'variable', name: 'x', path: ['x'] },
      { kind: 'text', text: '}' },
    ]);
  });

  it.each([
    ['Tell me {unclosed', 8, /never closed/],
    ['a } b', 2, /single '}'/],
    ['ok {x} then }', 12, /single '}'/],
    ['empty {} here', 6, /no variable name/],
    ['{first-name}', 0, /"first-name" is not a variable name/],
    ['{ topic }', 0, /" topic " is not a variable name/],
    ['{1st}', 0, /not a variable name/],
    ['{a{b}', 0, /not a variable name/],
    ['{a.b}', 0, /not a variable name/],
  ])('rejects %j at position %i', (template, position, message) => {
    const error = thrownBy(() => parseFString(template));
    expect(InputError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ position, message: expect.stringMatching(message) });
    expect((error as Error).message).toContain(`position ${position}`);
  });

  it('either parses a string or fails with an InputError pointing inside it', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('{', '}', 'a', ' ', '_', '1') }), (template) => {
        let error: unknown;
        try {
          parseFString(template);
          return;
        } catch (thrown) {
          error = thrown;
        }
        expect(InputError.isInstance(error)).toBe(true);
        expect((error as InputError).position).toBeGreaterThanOrEqual(0);
        expect((error as InputError).position).toBeLessThan(template.length);
      }),
    );
  });
});
