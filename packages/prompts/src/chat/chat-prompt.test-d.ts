import { describe, expectTypeOf, it } from 'vitest';
import { SystemMessage, type InputOf, type Message, type MessageLike, type Runnable } from '@rivulet/core';
import { chatPrompt, fewShotChat, placeholder, promptTemplate, type ChatPromptTemplate, type EmptyVars } from '@rivulet/prompts';

declare const chatModel: Runnable<Message[], { readonly text: string }>;

describe('chatPrompt types', () => {
  it('infers the input from every template and placeholder', () => {
    const prompt = chatPrompt([['system', 'You are {persona}'], placeholder('history'), ['human', '{question}']]);
    type Vars = { persona: string; question: string; history: MessageLike[] };
    expectTypeOf<InputOf<typeof prompt>>().toEqualTypeOf<Vars>();
    expectTypeOf(prompt).toExtend<Runnable<Vars, Message[]>>();
    expectTypeOf(prompt.format).returns.toEqualTypeOf<Message[]>();
    expectTypeOf(prompt.pipe(chatModel)).toEqualTypeOf<Runnable<Vars, { readonly text: string }>>();
  });

  it('makes an optional placeholder an optional key; literal messages add nothing', () => {
    const prompt = chatPrompt([
      new SystemMessage('Literal {not_a_variable}'),
      { role: 'user', content: '{also_literal}' },
      placeholder('history', { optional: true }),
      ['user', '{q}'],
      ['assistant', [{ type: 'text', text: 'Seen {thing}' }, { type: 'image', url: 'https://example.com/a.png' }]],
    ]);
    expectTypeOf(prompt.format).parameter(0).toEqualTypeOf<{ history?: MessageLike[]; q: string; thing: string }>();
    expectTypeOf(chatPrompt([['system', 'Static']])).toEqualTypeOf<ChatPromptTemplate<EmptyVars>>();
  });

  it('infers mustache variables with the format option', () => {
    const prompt = chatPrompt([['human', '{{#rules}}{{.}}{{/rules}} {{user.name}}']], { format: 'mustache' });
    expectTypeOf(prompt.format).parameter(0).toEqualTypeOf<{ rules: string | readonly string[] | boolean | null; user: { name: string } }>();
  });

  it('merges the variables of nested prompts, and their async-ness', () => {
    const intro = promptTemplate('About {topic}').partial({ topic: async () => 'rivers' });
    const inner = chatPrompt([['human', '{question}']]);
    const prompt = chatPrompt([['system', intro], inner, ['ai', '{draft}']]);
    expectTypeOf<InputOf<typeof prompt>>().toEqualTypeOf<{ question: string; draft: string }>();
    expectTypeOf(prompt.format({ question: '', draft: '' })).toEqualTypeOf<Promise<Message[]>>();
    expectTypeOf(chatPrompt([['system', promptTemplate('{a}')], inner]).format({ a: '', question: '' })).toEqualTypeOf<Message[]>();
  });

  it('partial removes keys, placeholders included', () => {
    const prompt = chatPrompt([['system', 'You are {persona}'], placeholder('history'), ['human', '{question}']]);
    expectTypeOf(prompt.partial({ persona: 'x', history: [] })).toEqualTypeOf<ChatPromptTemplate<{ question: string }>>();
    expectTypeOf(prompt.partial({ history: async () => [] }).format({ persona: '', question: '' })).toEqualTypeOf<Promise<Message[]>>();
  });

  it('rejects unknown roles and bare strings', () => {
    // @ts-expect-error a tool message needs a tool call id: not a template role
    chatPrompt([['tool', 'x']]);
    // @ts-expect-error a bare string is ambiguous: write ['human', text]
    chatPrompt(['hello']);
  });

  it('types fewShotChat as a prompt with no variables, checking examples', () => {
    const shots = fewShotChat({ examples: [{ input: 'a', output: 'b' }], examplePrompt: chatPrompt([['human', '{input}'], ['ai', '{output}']]) });
    expectTypeOf(shots).toEqualTypeOf<ChatPromptTemplate<EmptyVars>>();
    expectTypeOf<InputOf<ReturnType<typeof chatPrompt<[['system', 'x'], typeof shots, ['human', '{q}']]>>>>().toEqualTypeOf<{ q: string }>();
    // @ts-expect-error an example lacks `output`
    fewShotChat({ examples: [{ input: 'a' }], examplePrompt: chatPrompt([['human', '{input}'], ['ai', '{output}']]) });
  });
});
