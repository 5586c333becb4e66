/**
 * A deterministic JSON document of about `bytes` characters, shaped like what
 * a model writes when asked for a list of records: pretty-printed with two
 * spaces, strings with escapes (quotes, backslashes, newlines, tabs, `\u` escapes), accented
 * letters, CJK and emoji (surrogate pairs), integers, negative decimals,
 * exponents, booleans, nulls and nested objects.
 *
 * The same size always gives the same text, so runs and machines compare.
 */
export function llmJsonDocument(bytes: number): string {
  const random = seededRandom(0x5eed);
  const records: string[] = [];
  // `{\n  "records": [\n` ... `\n  ],\n  "count": N\n}`; reserve room for the tail.
  let size = 20 + 24;
  for (let id = 0; ; id++) {
    const record = indent(JSON.stringify(makeRecord(id, random), null, 2), '    ');
    if (size + record.length + 2 > bytes && records.length > 0) break;
    records.push(record);
    size += record.length + 2;
  }
  return `{\n  "records": [\n${records.join(',\n')}\n  ],\n  "count": ${records.length}\n}`;
}

const phrases = [
  'The river bends north',
  'café au lait',
  'naïve résumé',
  'Grüße aus Köln',
  '東京の川',
  'река Волга',
  'rocket 🚀 launch',
  'she said "hello"',
  'path C:\\data\\rivers',
  'line one\nline two',
  'col\tseparated',
  'emoji 🌊 wave',
  'plain words',
  'nothing special here',
  'bell \u0007 and unit \u001f separators',
];

function makeRecord(id: number, random: () => number): unknown {
  const pick = (): string => phrases[Math.floor(random() * phrases.length)] as string;
  const sentence = (words: number): string => Array.from({ length: words }, pick).join(' ');
  return {
    id,
    title: sentence(2),
    summary: sentence(6),
    score: Math.round((random() - 0.4) * 1e5) / 100,
    confidence: random() < 0.2 ? 6.02e23 * random() : Math.round(random() * 1000) / 1000,
    verified: random() < 0.5,
    tags: [pick(), pick(), `tag-${id % 17}`],
    author: random() < 0.25 ? null : { name: sentence(1), email: `writer${id}@example.org`, location: { city: pick(), zip: String(10000 + id) } },
    notes: random() < 0.3 ? null : sentence(3),
  };
}

function indent(text: string, prefix: string): string {
  return prefix + text.replaceAll('\n', `\n${prefix}`);
}

/** A small linear congruential generator: reproducible, unlike Math.random. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}
