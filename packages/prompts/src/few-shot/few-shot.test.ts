import { describe, expect, it } from 'vitest';
import { chatPrompt, fewShot, fewShotChat, promptTemplate } from '@rivulet/prompts';

const examples = [
  { word: 'happy', antonym: 'sad' },
  { word: '{tall}', antonym: 'short' },
];

describe('fewShot', () => {
  it('joins prefix, formatted examples and suffix; example values stay verbatim', () => {
    const prompt = fewShot({
      examples,
      examplePrompt: promptTemplate('Word: {word}\nAntonym: {antonym}'),
      prefix: 'Antonyms, {style}:',
      suffix: 'Word: {input}\nAntonym:',
    });
    expect(prompt.inputVariables).toEqual(['style', 'input']);
    expect(prompt.format({ style: 'tersely', input: 'big' })).toBe(
      'Antonyms, tersely:\n\nWord: happy\nAntonym: sad\n\nWord: {tall}\nAntonym: short\n\nWord: big\nAntonym:',
    );
  });

  it('takes a separator, and works without prefix or suffix', () => {
    const prompt = fewShot({ examples, examplePrompt: promptTemplate('{word}={antonym}'), separator: '; ' });
    expect(prompt.format({})).toBe('happy=sad; {tall}=short');
  });

  it('takes mustache prefix and suffix', () => {
    const prompt = fewShot({
      examples,
      examplePrompt: promptTemplate('{word}={antonym}'),
      suffix: '{{#inputs}}{{.}}=?\n{{/inputs}}',
      separator: '\n',
      format: 'mustache',
    });
    expect(prompt.format({ inputs: ['a', 'b'] })).toBe('happy=sad\n{tall}=short\na=?\nb=?\n');
  });

  it('fails at construction on an example that lacks a variable, naming it', () => {
    expect(() => fewShot({ examples: [{ word: 'x' }] as never, examplePrompt: promptTemplate('{word}={antonym}') })).toThrow(
      expect.objectContaining({ name: 'InputError', variables: ['antonym'], message: expect.stringMatching(/^Few-shot example 0: Missing/) }),
    );
  });

  it('refuses an example prompt that formats asynchronously', () => {
    const examplePrompt = promptTemplate('{word}{x}').partial({ x: async () => '!' });
    expect(() => fewShot({ examples: [{ word: 'a' }], examplePrompt: examplePrompt as never })).toThrow(/synchronously/);
  });
});

describe('fewShotChat', () => {
  it('turns examples into alternating messages that nest in a chat prompt', () => {
    const shots = fewShotChat({
      examples: [
        { input: '2 + 2', output: '4' },
        { input: '{x} + 1', output: 'x + 1' },
      ],
      examplePrompt: chatPrompt([['human', '{input}'], ['ai', '{output}']]),
    });
    const prompt = chatPrompt([['system', 'You are a calculator.'], shots, ['human', '{input}']]);
    const messages = prompt.format({ input: '3 + 3' });
    expect(messages.map((message) => `${message.role}: ${message.text}`)).toEqual([
      'system: You are a calculator.',
      'human: 2 + 2',
      'ai: 4',
      'human: {x} + 1',
      'ai: x + 1',
      'human: 3 + 3',
    ]);
    expect(shots.format({})).toHaveLength(4);
  });
});
