import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { human } from '@rivulet/core';
import { promptTemplate } from '@rivulet/prompts';

const mustache = { format: 'mustache' } as const;

describe('mustache templates', () => {
  it('fills {{name}} and dotted names, with or without spaces inside the tag', () => {
    const prompt = promptTemplate('Hi {{ user.name }}, you are {{user.age}}. {single} braces stay.', mustache);
    expect(prompt.format({ user: { name: 'Ada', age: '36' } })).toBe('Hi Ada, you are 36. {single} braces stay.');
    expect(prompt.inputVariables).toEqual(['user']);
  });

  it('repeats a section per list item, reading item fields, {{.}}, and outer variables', () => {
    const prompt = promptTemplate('{{#items}}{{name}} by {{author}}; {{/items}}{{#tags}}#{{.}} {{/tags}}', mustache);
    const output = prompt.format({ items: [{ name: 'A' }, { name: 'B', author: 'Bo' }], author: 'anon', tags: ['x', 'y'] } as never);
    expect(output).toBe('A by anon; B by Bo; #x #y ');
  });

  it('renders a section once for a truthy value or an object, never for a falsy one', () => {
    const prompt = promptTemplate('{{#show}}[shown {{.}}]{{/show}}{{#user}}({{name}}){{/user}}', mustache);
    expect(prompt.format({ show: true, user: { name: 'Ada' } } as never)).toBe('[shown true](Ada)');
    for (const falsy of [false, null, 0, '', []]) expect(prompt.format({ show: falsy, user: falsy } as never)).toBe('');
  });

  it('renders an inverted section for a falsy value or an empty list only', () => {
    const prompt = promptTemplate('{{#items}}- {{.}}\n{{/items}}{{^items}}No items.{{/items}}', mustache);
    expect(prompt.format({ items: [] })).toBe('No items.');
    expect(prompt.format({ items: false })).toBe('No items.');
    expect(prompt.format({ items: ['a', 'b'] })).toBe('- a\n- b\n');
  });

  it('leaves no blank lines for section tags on lines of their own', () => {
    const prompt = promptTemplate('Items:\n{{#items}}\n  - {{title}}\n{{/items}}\n{{! a comment }}\nDone.', mustache);
    expect(prompt.format({ items: [{ title: 'a' }, { title: 'b' }] })).toBe('Items:\n  - a\n  - b\nDone.');
  });

  it('names every missing variable, inside sections too', () => {
    const prompt = promptTemplate('{{title}} {{#items}}{{name}}{{/items}} {{user.id}}', mustache);
    expect(() => prompt.format({ items: [{}] } as never)).toThrow(
      expect.objectContaining({ name: 'InputError', variables: ['title', 'name', 'user.id'] }),
    );
    expect(() => prompt.format({ title: 't', user: { id: '1' } } as never)).toThrow(expect.objectContaining({ variables: ['items'] }));
  });

  it('reads data, never what objects inherit', () => {
    const prompt = promptTemplate('{{a.constructor}}{{a.toString}}{{a.__proto__}}{{list.map}}', mustache);
    expect(() => prompt.format({ a: {}, list: [] } as never)).toThrow(
      expect.objectContaining({ variables: ['a.constructor', 'a.toString', 'a.__proto__', 'list.map'] }),
    );
    // Inherited data, such as a message's `text` getter, is fine; so is an own `constructor` field.
    const own = promptTemplate('{{#history}}{{role}}: {{text}}\n{{/history}}{{a.constructor}}', mustache);
    expect(own.format({ history: [human('hi')], a: { constructor: 'own' } } as never)).toBe('human: hi\nown');
  });

  it('inserts values verbatim, without HTML escaping or re-reading tags', () => {
    const literal = fc.string().filter((text) => !text.includes('{{') && !text.endsWith('{'));
    const segment = fc.oneof(literal.map((text) => ({ text })), fc.constantFrom('x', 'y').map((name) => ({ name })));
    fc.assert(
      fc.property(fc.array(segment), fc.string(), fc.string(), (segments, x, y) => {
        const template = segments.map((s) => ('name' in s ? `{{${s.name}}}` : s.text)).join('');
        const expected = segments.map((s) => ('name' in s ? (s.name === 'x' ? x : y) : s.text)).join('');
        expect(promptTemplate(template, mustache).format({ x, y })).toBe(expected);
      }),
    );
  });
});
