import { describe, expectTypeOf, it } from 'vitest';
import type { InputOf, Runnable, RunStream } from '@rivulet/core';
import { fakeRunnable } from '@rivulet/core/testing';
import { fewShot, promptTemplate, type EmptyVars, type PromptTemplate } from '@rivulet/prompts';

interface Reply {
  readonly text: string;
}
declare const model: Runnable<string, Reply>;

describe('promptTemplate types', () => {
  it('is a Runnable of the inferred variables to a string', () => {
    const prompt = promptTemplate('Tell me about {topic}');
    expectTypeOf(prompt).toEqualTypeOf<PromptTemplate<{ topic: string }>>();
    expectTypeOf(prompt).toExtend<Runnable<{ topic: string }, string>>();
    expectTypeOf(prompt.invoke({ topic: 'x' })).resolves.toEqualTypeOf<string>();
    expectTypeOf(prompt.stream({ topic: 'x' })).toEqualTypeOf<RunStream<string>>();
    // @ts-expect-error a variable is missing
    void prompt.invoke({});
    // @ts-expect-error variables are strings
    void prompt.invoke({ topic: 1 });
  });

  it('flows through pipe with no annotation', () => {
    expectTypeOf(promptTemplate('Tell me about {topic}').pipe(model)).toEqualTypeOf<Runnable<{ topic: string }, Reply>>();
    expectTypeOf(promptTemplate('{a} {b}').pipe(fakeRunnable(['x']))).toEqualTypeOf<Runnable<{ a: string; b: string }, string>>();
    expectTypeOf(promptTemplate('{a}').pipe((text) => text.length)).toEqualTypeOf<Runnable<{ a: string }, number>>();
  });

  it('infers mustache variables with the format option', () => {
    const prompt = promptTemplate('{{#items}}- {{name}}\n{{/items}}{{user.id}}', { format: 'mustache' });
    type Item = { name: string };
    expectTypeOf(prompt.format).parameter(0).toEqualTypeOf<{ items: Item | readonly Item[] | boolean | null; user: { id: string } }>();
  });

  it('accepts an empty object when there is no variable, and anything for a string template', () => {
    const none = promptTemplate('Hello');
    expectTypeOf(none.format).parameter(0).toEqualTypeOf<EmptyVars>();
    none.format({});
    const loose = promptTemplate('Hi {x}' as string);
    expectTypeOf(loose.format).parameter(0).toEqualTypeOf<Record<string, unknown>>();
    loose.format({ x: 1, y: [] });
  });
});

describe('format and partial types', () => {
  it('format is synchronous unless a partial function is async', () => {
    const prompt = promptTemplate('{a} {b} {c}');
    expectTypeOf(prompt.format({ a: '', b: '', c: '' })).toEqualTypeOf<string>();
    expectTypeOf(prompt.partial({ a: 'x', b: () => 'y' }).format({ c: '' })).toEqualTypeOf<string>();
    const later = prompt.partial({ a: async () => 'x' });
    expectTypeOf(later.format({ b: '', c: '' })).toEqualTypeOf<Promise<string>>();
    expectTypeOf(later.partial({ b: 'y' }).format({ c: '' })).toEqualTypeOf<Promise<string>>();
    const either = prompt.partial({ a: (): string | Promise<string> => 'x' });
    expectTypeOf(either.format({ b: '', c: '' })).toEqualTypeOf<string | Promise<string>>();
    expectTypeOf(either.partial({ b: async () => '' }).format({ c: '' })).toEqualTypeOf<Promise<string>>();
  });

  it('partial removes the keys it fills', () => {
    const prompt = promptTemplate('{a} {b}');
    expectTypeOf<InputOf<ReturnType<typeof prompt.partial<{ a: string }>>>>().toEqualTypeOf<{ b: string }>();
    expectTypeOf(prompt.partial({ a: 'x' })).toEqualTypeOf<PromptTemplate<{ b: string }>>();
    expectTypeOf(prompt.partial({ a: 'x', b: 'y' })).toEqualTypeOf<PromptTemplate<EmptyVars>>();
    expectTypeOf(prompt.partial({ a: 'x' }).pipe(model)).toEqualTypeOf<Runnable<{ b: string }, Reply>>();
  });

  it('partial rejects unknown keys and wrong types', () => {
    const prompt = promptTemplate('{a}');
    // @ts-expect-error not a variable of the template
    prompt.partial({ nope: 'x' });
    // @ts-expect-error a string, or a function returning one
    prompt.partial({ a: () => 1 });
  });
});

describe('fewShot types', () => {
  it('infers variables from prefix and suffix, and checks examples against the example prompt', () => {
    const prompt = fewShot({
      examples: [{ q: '1', a: '2' }],
      examplePrompt: promptTemplate('Q: {q}\nA: {a}'),
      prefix: 'Answer as {persona}.',
      suffix: 'Q: {question}\nA:',
    });
    expectTypeOf(prompt).toEqualTypeOf<PromptTemplate<{ persona: string; question: string }>>();
    expectTypeOf(fewShot({ examples: [], examplePrompt: promptTemplate('{q}') })).toEqualTypeOf<PromptTemplate<EmptyVars>>();
    // @ts-expect-error an example lacks `a`
    fewShot({ examples: [{ q: '1' }], examplePrompt: promptTemplate('Q: {q}\nA: {a}') });
  });
});
