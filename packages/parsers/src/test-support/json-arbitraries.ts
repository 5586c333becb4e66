import fc from 'fast-check';

// Strings that exercise the decoder: escapes, control characters, non-BMP code points
// (surrogate pairs) and lone surrogates (which JSON.stringify writes as \u escapes).
const unit = fc.oneof(
  fc.constantFrom('"', '\\', '/', '\n', '\t', '\b', '\u0000', '\u001f', '\u2028', ' ', 'a', '{', ']', ','),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
);
const text = fc.string({ unit, maxLength: 12 });
const key = fc.oneof(text, fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', ''));
const numberValue = fc.oneof(
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 1e21, -1.5e-7, 5e-324),
);

/** Arbitrary JSON values (as JSON.parse would return them) with hostile strings and keys. */
export const jsonValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(null, true, false),
    numberValue,
    text,
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(key, tie('value'), { maxKeys: 5 }),
  ),
})).value.map((v) => JSON.parse(JSON.stringify(v)) as unknown);

/** JSON text of `value` with a random indentation. */
export const jsonText = (value: unknown): fc.Arbitrary<string> =>
  fc.constantFrom(0, 1, 2, '\t', ' \n ').map((indent) => JSON.stringify(value, null, indent));

/** Cut points: sizes of successive chunks, cycled, down to one character. */
export const chunkSizes = fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 12 });

/** `text` cut into chunks whose sizes cycle through `sizes`. */
export function split(text: string, sizes: readonly number[]): string[] {
  const out: string[] = [];
  for (let i = 0, k = 0; i < text.length; k++) {
    const size = sizes[k % sizes.length] ?? 1;
    out.push(text.slice(i, i + size));
    i += size;
  }
  return out;
}
