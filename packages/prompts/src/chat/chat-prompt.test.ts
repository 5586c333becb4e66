import { thrownBy } from '@rivulet/test-kit';
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { AIMessage, HumanMessage, InputError, SystemMessage, ToolMessage, ai, human, system, type Message } from '@rivulet/core';
import { collect, fakeRunnable } from '@rivulet/core/testing';
import { chatPrompt, placeholder, promptTemplate } from '@rivulet/prompts';

const json = (messages: readonly Message[]) => messages.map((message) => message.toJSON());

describe('chatPrompt', () => {
  it('formats role templates into messages, with OpenAI role names too', () => {
    const prompt = chatPrompt([
      ['system', 'You are {persona}.'],
      ['human', '{question}'],
      ['ai', 'Answer: {{ {answer} }}'],
      ['user', 'u {x}'],
      ['assistant', 'a {x}'],
    ]);
    const messages = prompt.format({ persona: 'a pirate', question: 'Gold?', answer: 'Arr', x: '1' });
    expect(json(messages)).toEqual([
      { role: 'system', content: 'You are a pirate.' },
      { role: 'human', content: 'Gold?' },
      { role: 'ai', content: 'Answer: { Arr }' },
      { role: 'human', content: 'u 1' },
      { role: 'ai', content: 'a 1' },
    ]);
    expect(messages[0]).toBeInstanceOf(SystemMessage);
    expect(prompt.inputVariables).toEqual(['persona', 'question', 'answer', 'x']);
  });

  it('passes literal messages through unchanged, never templated', () => {
    const literal = system('Keep {braces} as they are');
    const prompt = chatPrompt([literal, { role: 'user', content: 'raw {json}' }, ['human', '{q}']]);
    const messages = prompt.format({ q: 'hi' });
    expect(messages[0]).toBe(literal);
    expect(messages[1]).toBeInstanceOf(HumanMessage);
    expect(messages[1]?.text).toBe('raw {json}');
    expect(prompt.inputVariables).toEqual(['q']);
  });

  it('inserts placeholder messages from messages, { role, content } objects and tuples', () => {
    const prompt = chatPrompt([['system', 'Be brief.'], placeholder('history'), ['human', '{question}']]);
    const earlier = ai('Often.');
    const messages = prompt.format({
      question: 'And in May?',
      history: [['human', 'Rain in {April}?'], earlier, { role: 'tool', content: '42', tool_call_id: 'c1' }, 'plain text'],
    });
    expect(messages.map((message) => message.role)).toEqual(['system', 'human', 'ai', 'tool', 'human', 'human']);
    expect(messages[1]?.text).toBe('Rain in {April}?');
    expect(messages[2]).toBe(earlier);
    expect(messages[3]).toBeInstanceOf(ToolMessage);
  });

  it('leaves an optional placeholder empty when its variable is absent', () => {
    const prompt = chatPrompt([placeholder('history', { optional: true }), ['human', '{q}']]);
    expect(json(prompt.format({ q: 'hi' }))).toEqual([{ role: 'human', content: 'hi' }]);
    expect(prompt.inputVariables).toEqual(['q']);
  });

  it('names every missing variable, placeholders included, and where each was needed', () => {
    const prompt = chatPrompt([['system', 'You are {persona}'], placeholder('history'), ['human', '{question} {persona}']]);
    const error = thrownBy(() => prompt.format({} as never));
    expect(InputError.isInstance(error)).toBe(true);
    expect((error as InputError).variables).toEqual(['persona', 'history', 'question']);
    expect((error as InputError).message).toBe(
      'Missing prompt variables: "persona" in system message "You are {persona}"; "history" in placeholder "history"; "question" in human message "{question} {persona}"',
    );
  });

  it('fails clearly on a placeholder value that is not a list of messages', () => {
    const prompt = chatPrompt([placeholder('history')]);
    expect(() => prompt.format({ history: 'hi' as never })).toThrow(/Placeholder "history" expects an array of messages, got string/);
    expect(() => prompt.format({ history: [['wizard', 'x']] as never })).toThrow(
      expect.objectContaining({ variables: ['history'], position: 0, message: expect.stringMatching(/^Placeholder "history": .*index 0.*"wizard"/) }),
    );
  });

  it('fails at construction on a bad entry, naming it, with the position inside a malformed template', () => {
    expect(() => chatPrompt([['system', 'ok'], ['human', 'Hi {name']])).toThrow(
      expect.objectContaining({ name: 'InputError', position: 3, message: expect.stringMatching(/^Chat prompt entry 1: Malformed/) }),
    );
    expect(() => chatPrompt([['tool', 'x'] as never])).toThrow(/entry 0: unknown role "tool"/);
    expect(() => chatPrompt(['just text' as never])).toThrow(/entry 0: expected a \[role, template\] tuple/);
    expect(() => chatPrompt([promptTemplate('x') as never])).toThrow(/needs a role/);
    expect(() => chatPrompt([{ role: 'wizard', content: 'x' } as never])).toThrow(/entry 0: .*"wizard"/);
  });

  it('templates the text parts of multi-part content and keeps images as they are', () => {
    const prompt = chatPrompt([['human', [{ type: 'text', text: 'Describe {thing}' }, { type: 'image', url: 'https://example.com/{x}.png' }]]]);
    expect(json(prompt.format({ thing: 'this' }))).toEqual([
      { role: 'human', content: [{ type: 'text', text: 'Describe this' }, { type: 'image', url: 'https://example.com/{x}.png' }] },
    ]);
    expect(() => chatPrompt([['human', [{ type: 'video' } as never]]])).toThrow(/entry 0/);
  });

  it('formats text prompts and chat prompts nested in it with the same variables', async () => {
    const intro = promptTemplate('You know {topic}.').partial({ topic: async () => 'rivers' });
    const closing = chatPrompt([['human', '{question}']]);
    const prompt = chatPrompt([['system', intro], closing]);
    expect(json(await prompt.format({ question: 'Longest?' }))).toEqual([
      { role: 'system', content: 'You know rivers.' },
      { role: 'human', content: 'Longest?' },
    ]);
    await expect(prompt.format({} as never)).rejects.toMatchObject({ variables: ['question'] });
  });

  it('takes partial values for templates and placeholders, async ones too', async () => {
    const prompt = chatPrompt([['system', 'You help with {product}.'], placeholder('history'), ['human', '{q}']]);
    const support = prompt.partial({ product: 'Rivulet', history: async () => [human('earlier')] });
    expect(support.inputVariables).toEqual(['q']);
    expect(json(await support.format({ q: 'now' })).map((m) => m.content)).toEqual(['You help with Rivulet.', 'earlier', 'now']);
  });

  it('uses mustache for every template with { format: "mustache" }', () => {
    const prompt = chatPrompt([['system', '{{#rules}}- {{.}}\n{{/rules}}'], ['human', '{{q}} {literal}']], { format: 'mustache' });
    expect(json(prompt.format({ rules: ['be brief', 'be kind'], q: 'hi' })).map((m) => m.content)).toEqual([
      '- be brief\n- be kind\n',
      'hi {literal}',
    ]);
  });

  it('emits the messages once; piped into a model, streams the model chunks', async () => {
    const model = fakeRunnable(['Ar', 'rr']);
    const chain = chatPrompt([['system', 'You are {persona}'], ['human', '{q}']]).pipe(model);
    expect(await collect(chain.stream({ persona: 'a pirate', q: 'Hi' }))).toEqual(['Ar', 'rr']);
    expect(model.inputs).toHaveLength(1);
    expect(json(model.inputs[0] as Message[])).toEqual([
      { role: 'system', content: 'You are a pirate' },
      { role: 'human', content: 'Hi' },
    ]);
    const prompt = chatPrompt([['human', '{q}']]);
    expect(await collect(prompt.stream({ q: 'x' }))).toHaveLength(1);
    expect((await prompt.invoke({ q: 'x' }))[0]).toBeInstanceOf(HumanMessage);
  });

  it('inserts values verbatim in every message', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const messages = chatPrompt([['system', '{a}'], ['ai', '<{b}|{a}>']]).format({ a, b });
        expect(messages.map((m) => m.text)).toEqual([a, `<${b}|${a}>`]);
        expect(messages[1]).toBeInstanceOf(AIMessage);
      }),
    );
  });
});

describe('chatPrompt failures with async parts', () => {
  it('rejects, leaving no unhandled rejection, when a part fails while another is pending', async () => {
    vi.useFakeTimers();
    try {
      let lateRejected = false;
      const late = (): Promise<string> =>
        new Promise<string>((_, reject) => setTimeout(() => ((lateRejected = true), reject(new Error('late'))), 5));
      const slow = promptTemplate('{a}').partial({ a: late });
      const template: string = '{f}';
      const prompt = chatPrompt([['system', slow], ['human', template]]);
      const output = prompt.format({ f: () => 'not text' });
      expect(output).toBeInstanceOf(Promise);
      await expect(output).rejects.toMatchObject({ name: 'InputError', variables: ['f'] });
      // Let the pending partial reject (in virtual time): vitest fails the run on an unhandled rejection.
      await vi.runAllTimersAsync();
      expect(lateRejected).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
