import fc from 'fast-check';
import { InputError, type Message } from '@rivulet/core';
import { describe, expect, it } from 'vitest';
import { chatPrompt, promptTemplate } from '../index.js';

/** Runs asked of each property, and cases its predicate went through: the last test compares them. */
const planned: Record<string, number> = {};
const checked: Record<string, number> = {};
/** Templates the parser accepted, per property: the rest only proved that construction fails with InputError. */
const accepted: Record<string, number> = {};
const accept = (name: string): void => void (accepted[name] = (accepted[name] ?? 0) + 1);
function check<T>(name: string, numRuns: number, arbitrary: fc.Arbitrary<T>, predicate: (value: T) => void | Promise<void>): Promise<void> {
  planned[name] = numRuns;
  return fc.assert(
    fc.asyncProperty(arbitrary, async (value) => {
      await predicate(value);
      checked[name] = (checked[name] ?? 0) + 1;
    }),
    { numRuns },
  );
}

/** What a call did: its result, or the error it threw. Anything but an `InputError` fails the test. */
function attempt<T>(run: () => T): { value: T } | { error: InputError } {
  try {
    return { value: run() };
  } catch (error) {
    if (!InputError.isInstance(error)) throw new Error(`not an InputError: ${String(error)}`, { cause: error });
    return { error };
  }
}

const names = ['a', 'b', 'topic', 'x_1', '_'];
const fstringPiece = fc.oneof(
  fc.constantFrom('{', '}', '{{', '}}', ' ', '\n', 'é', '🌊', '.', '#', '$&', '0', '{}', '{1}', '{a b}', '{a.b}'),
  fc.constantFrom(...names).map((n) => `{${n}}`),
  fc.string({ unit: 'grapheme', maxLength: 3 }),
);
const mustachePiece = fc.oneof(
  fc.constantFrom('{', '}', '{{', '}}', '{{{', '}}}', '{{!c}}', '{{#', '{{/', '{{^', '{{&', '{{>p}}', '{{=<% %>=}}', '{{.}}', '{{ a }}', '{{a.b}}', '\n', ' ', 'é'),
  fc.constantFrom(...names).map((n) => `{{${n}}}`),
  fc.constantFrom(...names).chain((n) => fc.constantFrom(`{{#${n}}}`, `{{/${n}}}`, `{{^${n}}}`)),
  fc.string({ unit: 'grapheme', maxLength: 3 }),
);
const template = (piece: fc.Arbitrary<string>): fc.Arbitrary<string> => fc.array(piece, { maxLength: 16 }).map((pieces) => pieces.join(''));

/** Values that look like template syntax (and like `String.replace` patterns): they must come out verbatim. */
const hostileValue = fc.oneof(
  fc.constantFrom('{a}', '{{a}}', '{{#a}}x{{/a}}', '}{', '{', '}}', '{{{b}}}', '$&', '$1', "$'", '$`', '{{.}}', '\\{a\\}', '{{!x}}', '%s'),
  fc.string({ unit: fc.constantFrom('{', '}', 'a', '#', '/', '.', ' ', '$', '&', 'é', '🌊'), minLength: 1, maxLength: 12 }),
);

/**
 * The same, minus backslashes: a top-level `{{.}}` writes the whole input as JSON, which escapes a
 * backslash; that is encoding, not interpretation, and would spoil the sentinel comparison below.
 */
const mustacheValue = hostileValue.map((v) => v.replace(/\\/g, '/'));

/** The f-string reference: `{{` and `}}` are braces, `{name}` the value as it is. Only for templates the parser accepted. */
function renderFString(source: string, values: Readonly<Record<string, string>>): string {
  let out = '';
  for (let i = 0; i < source.length; ) {
    const char = source[i] as string;
    if ((char === '{' || char === '}') && source[i + 1] === char) {
      out += char;
      i += 2;
    } else if (char === '{') {
      const close = source.indexOf('}', i);
      out += values[source.slice(i + 1, close)] ?? '';
      i = close + 1;
    } else {
      out += char;
      i++;
    }
  }
  return out;
}

/** Sentinel values no template contains: rendering with them, then swapping them for real values, must equal rendering with the real values. */
const sentinel = (index: number): string => `\uE000${index}\uE001`;
function swapSentinels(text: string, keys: readonly string[], values: Readonly<Record<string, string>>): string {
  return keys.reduce((out, key, i) => out.split(sentinel(i)).join(values[key] ?? ''), text);
}

describe('fuzz: prompt templates fail only with InputError and never re-interpret values', () => {
  it('f-string: construction fails with InputError or formatting gives exactly the reference text', { timeout: 60_000 }, () =>
    check('f-string templates', 10_000, fc.tuple(template(fstringPiece), fc.array(hostileValue, { minLength: names.length, maxLength: names.length })), async ([source, raw]) => {
      const built = attempt(() => promptTemplate(source));
      if ('error' in built) return;
      accept('f-string templates');
      const prompt = built.value;
      const values = Object.fromEntries(prompt.inputVariables.map((name, i) => [name, raw[i % raw.length] as string]));
      expect(prompt.format(values)).toBe(renderFString(source, values));
      expect(await prompt.invoke(values)).toBe(renderFString(source, values));
      // Each missing variable is named.
      const [first] = prompt.inputVariables;
      if (first !== undefined) {
        const { [first]: _, ...rest } = values;
        const missing = attempt(() => prompt.format(rest));
        expect('error' in missing && missing.error.variables).toEqual([first]);
      }
    }));

  it('mustache: construction or formatting fails with InputError, or values are substituted verbatim', { timeout: 60_000 }, () =>
    check('mustache templates', 10_000, fc.tuple(template(mustachePiece), fc.array(mustacheValue, { minLength: names.length, maxLength: names.length })), ([source, raw]) => {
      const built = attempt(() => promptTemplate(source, { format: 'mustache' }));
      if ('error' in built) return;
      accept('mustache templates');
      const prompt = built.value;
      const keys = prompt.inputVariables;
      const values = Object.fromEntries(keys.map((name, i) => [name, raw[i % raw.length] as string]));
      const withSentinels = attempt(() => prompt.format(Object.fromEntries(keys.map((name, i) => [name, sentinel(i)]))));
      const withValues = attempt(() => prompt.format(values));
      expect('error' in withValues).toBe('error' in withSentinels);
      if ('value' in withValues && 'value' in withSentinels) expect(withValues.value).toBe(swapSentinels(withSentinels.value, keys, values));
    }));

  it('chat prompts: every message template fails with InputError or substitutes values verbatim', { timeout: 60_000 }, () =>
    check(
      'chat prompts',
      3_000,
      fc.tuple(fc.array(fc.tuple(fc.constantFrom('system', 'human', 'ai'), template(fstringPiece)), { minLength: 1, maxLength: 4 }), fc.array(hostileValue, { minLength: 5, maxLength: 5 })),
      async ([entries, raw]) => {
        const built = attempt(() => chatPrompt(entries.map(([role, text]) => [role, text] as const)));
        if ('error' in built) return;
        accept('chat prompts');
        const prompt = built.value;
        const keys = prompt.inputVariables;
        const values = Object.fromEntries(keys.map((name, i) => [name, raw[i % raw.length] as string]));
        const messages = (await prompt.invoke(values)) as Message[];
        expect(messages.map((m) => m.text)).toEqual(entries.map(([, text]) => renderFString(text, values)));
      },
    ));

  it('checked every case it planned, and enough accepted templates to test rendering', () => {
    expect(Object.keys(planned).length).toBeGreaterThan(0);
    for (const name of Object.keys(planned)) {
      expect({ name, checked: checked[name] ?? 0 }).toEqual({ name, checked: planned[name] });
      // Properties that render count their accepted templates: mostly-rejected input would test only the errors.
      if (name in accepted) expect(accepted[name], name).toBeGreaterThanOrEqual(Math.ceil((planned[name] ?? 0) / 10));
    }
  });
});

describe('cost grows linearly with the template', () => {
  /** Best of three wall times of parsing and formatting a template of `n` variables (real time: stress suite only). */
  function costOf(n: number): number {
    const text = Array.from({ length: n }, (_, i) => `{v${i}} {{x}} `).join('');
    const values = Object.fromEntries(Array.from({ length: n }, (_, i) => [`v${i}`, '{y}']));
    let best = Infinity;
    for (let round = 0; round < 3; round++) {
      const start = performance.now();
      promptTemplate(text).format(values);
      best = Math.min(best, performance.now() - start);
    }
    return best;
  }

  it('4× the variables cost well under 16× the time (what quadratic parsing would take)', () => {
    costOf(10_000); // warm up
    const ratio = costOf(200_000) / costOf(50_000);
    expect(ratio).toBeLessThan(10);
  });
});
