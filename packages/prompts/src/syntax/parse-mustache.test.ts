import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputError } from '@rivulet/core';
import { parseMustache } from './parse-mustache.js';

describe('parseMustache', () => {
  it('nests sections and keeps only input-level names as variables', () => {
    const parsed = parseMustache('{{ title }}{{#items}}{{name}}{{.}}{{/items}}{{^empty}}{{fallback}}{{/empty}}{{user.name}}');
    expect(parsed.variables).toEqual(['title', 'items', 'empty', 'fallback', 'user']);
    expect(parsed.nodes[1]).toEqual({
      kind: 'section',
      name: 'items',
      path: ['items'],
      inverted: false,
      children: [
        { kind: 'variable', name: 'name', path: ['name'] },
        { kind: 'variable', name: '.', path: [] },
      ],
    });
    expect(parsed.nodes[3]).toEqual({ kind: 'variable', name: 'user.name', path: ['user', 'name'] });
  });

  it('drops lines that hold only a section tag or a comment, and keeps single braces', () => {
    const parsed = parseMustache('List:\n  {{#items}}\n- {x}\n  {{/items}}\n{{! note }}\nEnd {{#a}}in line{{/a}}\r\n');
    const texts = (nodes: typeof parsed.nodes): string =>
      nodes.map((node) => (node.kind === 'text' ? node.text : node.kind === 'section' ? `[${texts(node.children)}]` : '?')).join('');
    expect(texts(parsed.nodes)).toBe('List:\n[- {x}\n]End [in line]\r\n');
  });

  it.each([
    ['Hi {{name', 3, /never closed/],
    ['{{#items}}x', 0, /section 'items' is never closed/],
    ['a{{/items}}', 1, /closes no section/],
    ['{{#a}}{{#b}}{{/a}}{{/b}}', 12, /closes the section 'b' opened at position 6/],
    ['{{}}', 0, /no variable name/],
    ['{{ first-name }}', 0, /not a variable name/],
    ['{{a..b}}', 0, /not a variable name/],
    ['{{#.}}x{{/.}}', 0, /not a variable name/],
    ['{{{raw}}}', 0, /triple braces/],
    ['{{> partial}}', 0, /partials/],
    ['{{=<% %>=}}', 0, /delimiters/],
  ])('rejects %j at position %i', (template, position, message) => {
    expect(() => parseMustache(template)).toThrow(InputError);
    expect(() => parseMustache(template)).toThrow(expect.objectContaining({ position, message: expect.stringMatching(message) }));
  });

  it('either parses a string or fails with an InputError pointing inside it', () => {
    const unit = fc.constantFrom('{{', '}}', '{', '}', '#a', '/a', '^b', '!', '.', 'x', ' ', '\n');
    fc.assert(
      fc.property(fc.array(unit).map((units) => units.join('')), (template) => {
        try {
          parseMustache(template);
        } catch (error) {
          expect(InputError.isInstance(error)).toBe(true);
          expect((error as InputError).position).toBeGreaterThanOrEqual(0);
          expect((error as InputError).position).toBeLessThan(template.length);
        }
      }),
    );
  });
});
