import { thrownBy } from '@rivulet/test-kit';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { human, InputError } from '@rivulet/core';
import { collect, fakeRunnable, settle } from '@rivulet/core/testing';
import { promptTemplate } from '@rivulet/prompts';

describe('promptTemplate', () => {
  it('fills in variables, repeated ones included, and turns escapes into braces', () => {
    const prompt = promptTemplate('Tell me about {topic}, {{not a variable}}: {topic}!}}');
    expect(prompt.format({ topic: 'rivers' })).toBe('Tell me about rivers, {not a variable}: rivers!}');
    expect(prompt.inputVariables).toEqual(['topic']);
    expect(prompt.template).toBe('Tell me about {topic}, {{not a variable}}: {topic}!}}');
    expect(promptTemplate('No variables').format({})).toBe('No variables');
  });

  it('ignores extra variables', () => {
    expect(promptTemplate('{a}').format({ a: '1', b: '2' } as { a: string })).toBe('1');
  });

  it('fails at construction on a malformed template, pointing at the position', () => {
    expect(() => promptTemplate('Hi {name')).toThrow(expect.objectContaining({ name: 'InputError', position: 3 }));
    expect(() => promptTemplate('Hi name}')).toThrow(expect.objectContaining({ position: 7 }));
    expect(() => promptTemplate('Hi {}')).toThrow(expect.objectContaining({ position: 3 }));
    expect(() => promptTemplate('Hi {na me}')).toThrow(expect.objectContaining({ position: 3 }));
  });

  it('names every missing variable and the template in one InputError', () => {
    const prompt = promptTemplate('Write a {length} poem about {topic} for {audience}');
    const error = thrownBy(() => prompt.format({ length: 'short' } as never));
    expect(InputError.isInstance(error)).toBe(true);
    expect((error as InputError).variables).toEqual(['topic', 'audience']);
    expect((error as InputError).message).toBe(
      'Missing prompt variables: "topic", "audience" in template "Write a {length} poem about {topic} for {audience}"',
    );
  });

  it('treats null and undefined as missing', () => {
    const prompt = promptTemplate('{a}{b}');
    expect(() => prompt.format({ a: null, b: undefined } as never)).toThrow(expect.objectContaining({ variables: ['a', 'b'] }));
  });

  it('rejects input that is not an object of variables', async () => {
    const prompt = promptTemplate('{a}');
    expect(() => prompt.format('text' as never)).toThrow(/"promptTemplate" expects an object of variable values, got string/);
    await expect(prompt.invoke(null as never)).rejects.toThrow(/got null/);
  });

  it('inserts non-string values as text: numbers and booleans as written, objects as JSON, messages as their text', () => {
    // A template typed as plain `string` takes any values (`Record<string, unknown>`).
    const template: string = '{n} {b} {big} {list} {obj} {date} {message}';
    const output = promptTemplate(template).format({
      n: 1.5,
      b: false,
      big: 10n,
      list: [1, 'a'],
      obj: { k: '{x}' },
      date: new Date(Date.UTC(2024, 0, 2)),
      message: human('hello'),
    });
    expect(output).toBe('1.5 false 10 [1,"a"] {"k":"{x}"} 2024-01-02T00:00:00.000Z hello');
  });

  it('refuses values that have no text, naming the variable', () => {
    const template: string = '{f}';
    const prompt = promptTemplate(template);
    expect(() => prompt.format({ f: () => 'x' })).toThrow(
      expect.objectContaining({ name: 'InputError', variables: ['f'], message: expect.stringContaining('is a function') }),
    );
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(() => prompt.format({ f: cyclic })).toThrow(expect.objectContaining({ variables: ['f'] }));
  });

  it('inserts values verbatim: template syntax in a value is never interpreted', () => {
    const literal = fc.string({ unit: fc.constantFrom('a', ' ', '{', '}', 'x') });
    const segment = fc.oneof(literal.map((text) => ({ text })), fc.constantFrom('x', 'y', 'z').map((name) => ({ name })));
    const values = fc.record({ x: fc.string(), y: fc.string(), z: fc.string() });
    fc.assert(
      fc.property(fc.array(segment), values, (segments, vars) => {
        const template = segments.map((s) => ('name' in s ? `{${s.name}}` : s.text.replace(/[{}]/g, '$&$&'))).join('');
        const expected = segments.map((s) => ('name' in s ? vars[s.name as 'x'] : s.text)).join('');
        expect(promptTemplate(template).format(vars)).toBe(expected);
      }),
    );
  });
});

describe('promptTemplate at scale', () => {
  it('parses, formats and reports 50,000 missing variables', () => {
    // How the cost grows with the size is measured in prompt-template.stress.test.ts.
    const build = (n: number): string => Array.from({ length: n }, (_, i) => `{v${i}} {{x}} `).join('');
    const prompt = promptTemplate(build(100_000));
    const values = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`v${i}`, '{y}']));
    const error = thrownBy(() => prompt.format(values));
    expect((error as InputError).variables).toHaveLength(50_000);
    expect((error as InputError).variables[0]).toBe('v50000');
    expect(promptTemplate(build(50_000)).format(values)).toContain('{y} {x} {y}');
  });
});

describe('promptTemplate as a runnable', () => {
  it('emits its output once', async () => {
    const prompt = promptTemplate('Tell me about {topic}');
    expect(await collect(prompt.stream({ topic: 'rivers' }))).toEqual(['Tell me about rivers']);
    expect(await prompt.invoke({ topic: 'rivers' })).toBe('Tell me about rivers');
    expect(await prompt.batch([{ topic: 'a' }, { topic: 'b' }])).toEqual(['Tell me about a', 'Tell me about b']);
  });

  it('piped into a model, streams the model chunks', async () => {
    const model = fakeRunnable(['Riv', 'ers ', 'flow']);
    const chain = promptTemplate('Tell me about {topic}').pipe(model);
    expect(await collect(chain.stream({ topic: 'rivers' }))).toEqual(['Riv', 'ers ', 'flow']);
    expect(model.inputs).toEqual(['Tell me about rivers']);
    expect(await chain.invoke({ topic: 'rivers' })).toBe('Rivers flow');
  });

  it('ends the stream with the InputError when a variable is missing', async () => {
    const model = fakeRunnable(['never']);
    const { chunks, error } = await settle(promptTemplate('{a} {b}').pipe(model).stream({} as never));
    expect(chunks).toEqual([]);
    expect(error).toMatchObject({ name: 'InputError', variables: ['a', 'b'] });
    expect(model.inputs).toEqual([]);
  });

  it('takes a name for events', async () => {
    const prompt = promptTemplate('{a}', { name: 'greeting' });
    const events = await collect(prompt.streamEvents({ a: 'x' }));
    expect(events.map((event) => `${event.type}:${event.name}`)).toEqual(['start:greeting', 'chunk:greeting', 'end:greeting']);
  });
});
