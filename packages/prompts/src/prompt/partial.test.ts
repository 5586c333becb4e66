import { describe, expect, it, vi } from 'vitest';
import { promptTemplate } from '@rivulet/prompts';

describe('partial', () => {
  it('fills variables by value, leaving the original template unchanged', () => {
    const prompt = promptTemplate('{greeting}, {name}!');
    const hello = prompt.partial({ greeting: 'Hello' });
    expect(hello.format({ name: 'Ada' })).toBe('Hello, Ada!');
    expect(hello.inputVariables).toEqual(['name']);
    expect(prompt.inputVariables).toEqual(['greeting', 'name']);
    expect(() => prompt.format({ name: 'Ada' } as never)).toThrow(/"greeting"/);
  });

  it('calls functions at each format, synchronously when they are', () => {
    let calls = 0;
    const counted = promptTemplate('#{n} {text}').partial({ n: () => String(++calls) });
    expect(counted.format({ text: 'a' })).toBe('#1 a');
    expect(counted.format({ text: 'b' })).toBe('#2 b');
  });

  it('awaits async functions: format returns a promise, invoke waits', async () => {
    const prompt = promptTemplate('{user}: {question}').partial({ user: async () => 'ada' });
    const output = prompt.format({ question: 'why?' });
    expect(output).toBeInstanceOf(Promise);
    expect(await output).toBe('ada: why?');
    expect(await prompt.invoke({ question: 'how?' })).toBe('ada: how?');
  });

  it('lets a value given at format time win, without calling the function', () => {
    const fallback = vi.fn(() => 'partial');
    const prompt = promptTemplate('{a}').partial({ a: fallback });
    expect(prompt.format({ a: 'given' } as never)).toBe('given');
    expect(fallback).not.toHaveBeenCalled();
  });

  it('stacks: a later partial replaces an earlier one', () => {
    const prompt = promptTemplate('{a}{b}').partial({ a: '1' }).partial({ b: '2' });
    expect(prompt.format({})).toBe('12');
    expect(promptTemplate('{a}').partial({ a: '1' }).partial({ a: '2' } as never).format({})).toBe('2');
  });

  it('reports missing variables as a rejection when a partial is async', async () => {
    const prompt = promptTemplate('{a}{b}').partial({ a: async () => 'x' });
    await expect(prompt.format({} as never)).rejects.toMatchObject({ name: 'InputError', variables: ['b'] });
  });

  it('lets a failing partial function fail the format', async () => {
    const failing = promptTemplate('{a}').partial({ a: async () => Promise.reject(new Error('no user')) });
    await expect(failing.format({})).rejects.toThrow('no user');
    await expect(failing.invoke({})).rejects.toThrow('no user');
  });
});
