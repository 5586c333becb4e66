/** Deterministic, realistic JSON for measurements: records with escaped and unicode strings, numbers, nesting, nulls. */
export function sampleJson(bytes: number, seed = 1): string {
  let s = seed;
  const rand = (): number => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const words = ['alpha', 'beta', 'caf\u00e9', 'na\u00efve', '\u65e5\u672c', 'emoji \u{1f600}', 'quote "q"', 'tab\there', 'line\nbreak', 'back\\slash'];
  const text = (k: number): string => Array.from({ length: k }, () => words[Math.floor(rand() * words.length)]).join(' ');
  const records: unknown[] = [];
  let size = 0;
  for (let id = 0; size < bytes; id++) {
    const r = {
      id,
      name: text(3),
      score: Math.round((rand() - 0.3) * 1e6) / 100,
      big: rand() < 0.5 ? 1.5e21 * rand() : -rand(),
      active: rand() < 0.5,
      tags: [text(1), text(1), text(2)],
      owner: rand() < 0.3 ? null : { email: `user${id}@example.com`, address: { city: text(1), zip: String(10000 + id) } },
      body: text(20),
    };
    const json = JSON.stringify(r);
    size += json.length + 1;
    records.push(r);
  }
  return JSON.stringify({ records, count: records.length }, null, 1);
}
