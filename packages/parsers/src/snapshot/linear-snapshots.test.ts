import { collect, fakeRunnable } from '@rivulet/core/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PartialJsonParser, SnapshotObserver, structuredParser } from '../index.js';
import { expectSameJson } from '../test-support/same-json.js';

// These tests count work (elements copied for snapshots), never time.

const COPIES_PER_CHARACTER = 8;

function chunksOf(text: string, size = 4): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  return chunks;
}

interface Run {
  readonly snapshots: SnapshotObserver;
  readonly chunks: number;
  readonly published: number;
  readonly last: unknown;
}

/**
 * Streams `text` through a SnapshotObserver driven exactly as jsonParser drives
 * it: push, advance, publish when due; at the end, publish what changed.
 * `check` runs after every push, so a broken rule fails early, not after
 * quadratic work.
 */
function drive(text: string, check: (snapshots: SnapshotObserver, consumed: number) => void = () => undefined): Run {
  const snapshots = new SnapshotObserver();
  const parser = new PartialJsonParser({ observers: [snapshots] });
  let published = 0;
  let last: unknown;
  let consumed = 0;
  const chunks = chunksOf(text);
  for (const chunk of chunks) {
    parser.push(chunk);
    snapshots.advance(chunk.length);
    consumed += chunk.length;
    if (snapshots.due) {
      last = snapshots.publish();
      published++;
    }
    check(snapshots, consumed);
  }
  parser.end();
  if (snapshots.changed) {
    last = snapshots.publish();
    published++;
  }
  return { snapshots, chunks: chunks.length, published, last };
}

/** Entries of the widest array or object in `value`. */
function widest(value: unknown): number {
  let max = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null) continue;
    const children = Object.values(v);
    max = Math.max(max, children.length);
    for (const child of children) stack.push(child);
  }
  return max;
}

const numbers = (count: number): string => `[${Array.from({ length: count }, (_, i) => (i * 7919) % 100_000).join(', ')}]`;

function deepArrays(depth: number): string {
  let text = '"bottom"';
  for (let d = 0; d < depth; d++) text = `[${d}, ${text}, ${d}]`;
  return text;
}

function deepObjects(depth: number): string {
  let text = '1';
  for (let d = 0; d < depth; d++) text = `{"v": ${d}, "c": ${text}}`;
  return text;
}

// Shaped like what a model writes when asked for records (bench's llmJsonDocument, smaller).
function benchmarkLike(records: number): string {
  const phrases = ['The river bends north', 'café au lait', '東京の川', 'rocket 🚀 launch', 'she said "hello"', 'path C:\\data', 'line one\nline two', 'bell \u0007'];
  const pick = (i: number): string => phrases[i % phrases.length] as string;
  const items = Array.from({ length: records }, (_, id) => ({
    id,
    title: `${pick(id)} ${pick(id * 3)}`,
    summary: [1, 2, 3, 4, 5].map((k) => pick(id * k + k)).join(' '),
    score: ((id * 37) % 10_000) / 100 - 40,
    confidence: id % 5 === 0 ? 6.02e23 : ((id * 13) % 1000) / 1000,
    verified: id % 2 === 0,
    tags: [pick(id), pick(id + 1), `tag-${id % 17}`],
    author: id % 4 === 0 ? null : { name: pick(id + 2), email: `writer${id}@example.org`, location: { city: pick(id + 5), zip: String(10_000 + id) } },
    notes: id % 3 === 0 ? null : pick(id + 7),
  }));
  return JSON.stringify({ records: items, count: records }, null, 2);
}

const arraysOf3 = JSON.stringify(Array.from({ length: 20_000 }, (_, i) => [i, -i, i * 2]));

// Measured with 4-character chunks: copies per character; snapshots / chunks.
//   200,000 numbers               8.10;    527 / 344,445
//   {items: 50,000 objects}       8.04;  1,408 / 290,976
//   20,000 arrays of 3            8.06;    961 / 98,057 (see the known bug below)
//   nesting 400 deep (arrays)     7.90;    198 / 1,147
//   one 1 MB string               0.25; 286,722 / 286,723 (cheap: a snapshot per chunk)
//   20,000 distinct keys          8.03;  1,198 / 79,446 (the first 1,000 keys forced)
//   benchmark-like (161 KB)       8.00; 11,461 / 40,180
const shapes: readonly (readonly [string, () => string])[] = [
  ['an object holding an array of 50,000 small objects', () => JSON.stringify({ items: Array.from({ length: 50_000 }, (_, id) => ({ id, ok: id % 2 === 0 })) })],
  ['nesting 400 deep (within maxDepth 512)', () => deepArrays(400)],
  ['one 1 MB string', () => JSON.stringify({ text: 'lorem ipsum dolor sit amet, é 🌊 \n'.repeat(32_768) })],
  ['a wide object with 20,000 distinct keys', () => JSON.stringify(Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`key${i}`, i])))],
  ['the benchmark-like document', () => benchmarkLike(300)],
];

function expectLinear(text: string, slack: (final: unknown) => number): void {
  const final = JSON.parse(text) as unknown;
  const run = drive(text);
  expectSameJson(run.last, final);
  expect(run.snapshots.budget.copied).toBeLessThanOrEqual(COPIES_PER_CHARACTER * text.length + slack(final));
}

describe('snapshots are linear for documents of any shape', () => {
  it.each(shapes)('%s: copies ≤ 8 per character + the widest container', (_name, make) => {
    expectLinear(make(), widest);
  });

  it('an array of 20,000 arrays of 3: copies ≤ 8 per character + twice the widest container', () => {
    expectLinear(arraysOf3, (final) => 2 * widest(final));
  });

  // KNOWN BUG (the bound documented in SnapshotBudget, "under 8n elements plus one container's
  // width", does not hold): `due` looks at the balance before publish() pays for giving the outer
  // array its element's new version, so a snapshot taken while an inner array is open copies the
  // outer array in publish() and again at the next write: the debt at the end reaches two widths.
  // 3,160,015 copies > 8 × 392,225 + 20,000 = 3,157,800.
  it.fails('an array of 20,000 arrays of 3: copies ≤ 8 per character + the widest container', () => {
    expectLinear(arraysOf3, widest);
  });

  it('a top-level array of 200,000 numbers: the quadratic behaviour cannot come back (≤ 9 copies per character at every point)', () => {
    const text = numbers(200_000);
    const final = JSON.parse(text) as unknown;
    // Checked after every chunk, so a rule that publishes after every change fails within a few hundred chunks.
    const run = drive(text, (snapshots, consumed) => {
      if (snapshots.budget.copied > 9 * consumed) {
        throw new Error(`${snapshots.budget.copied} elements copied after ${consumed} characters`);
      }
    });
    expectSameJson(run.last, final);
    expect(run.snapshots.budget.copied).toBeLessThanOrEqual(COPIES_PER_CHARACTER * text.length + widest(final));
    expect(run.snapshots.budget.copied / text.length).toBeLessThanOrEqual(9);
    expect(run.published).toBeLessThan(1_000); // 527 measured, for 344,445 chunks
  });

  // KNOWN BUG (the documented bound does not hold when new fields keep coming): a field's first
  // appearance forces a snapshot whatever it costs (the sizes of the open path), and that debt is
  // not repaid before the end. Measured: 400 nested objects, each with two fields new at its depth:
  // 801 snapshots for 1,673 chunks, 320,400 copies for 6,691 characters (48 per character); 20,000
  // numbers then 1,000 objects with one new key each: every key copies the whole array again.
  it.fails('fields seen first until the end still keep copies within 8 per character + the widest container', () => {
    const documents = [deepObjects(400), `[${'0, '.repeat(20_000)}${Array.from({ length: 1_000 }, (_, i) => `{"k${i}": 0}`).join(', ')}]`];
    const over = documents.flatMap((text) => {
      const final = JSON.parse(text) as unknown;
      const run = drive(text);
      expectSameJson(run.last, final);
      const copied = run.snapshots.budget.copied;
      return copied > COPIES_PER_CHARACTER * text.length + widest(final) ? [`${copied} copies for ${text.length} characters`] : [];
    });
    expect(over).toStrictEqual([]);
  });
});

describe('the first snapshot of a field is never delayed', () => {
  it('a key new to the elements of a wide array shows in the snapshot after its push, even with the budget negative', () => {
    const items: object[] = Array.from({ length: 5_000 }, (_, id) => ({ id, name: `n${id}` }));
    items[4_000] = { id: 4_000, name: 'n4000', note: 'late' };
    const text = JSON.stringify(items);
    const snapshots = new SnapshotObserver();
    const parser = new PartialJsonParser({ observers: [snapshots] });
    let sawNote = false;
    for (const chunk of chunksOf(text)) {
      parser.push(chunk);
      snapshots.advance(chunk.length);
      const live = parser.value as Record<string, unknown>[];
      if (!sawNote && live.length > 4_000 && 'note' in (live[4_000] as object)) {
        sawNote = true;
        expect(snapshots.budget.allows).toBe(false); // held back by the budget, were it not new
        expect(snapshots.due).toBe(true);
        const shown = snapshots.publish() as Record<string, unknown>[];
        expect(shown[4_000]).toHaveProperty('note');
      } else if (snapshots.due) {
        snapshots.publish();
      }
    }
    expect(sawNote).toBe(true);
  });

  it('the 1,001st distinct key of a map-like object is not forced', () => {
    const text = JSON.stringify(Object.fromEntries(Array.from({ length: 1_200 }, (_, i) => [`k${i}`, i])));
    const snapshots = new SnapshotObserver();
    const parser = new PartialJsonParser({ observers: [snapshots] });
    const forced: boolean[] = []; // per key, in order of appearance: was the snapshot showing it due while the budget said no?
    let keys = 0;
    for (const chunk of chunksOf(text)) {
      parser.push(chunk);
      snapshots.advance(chunk.length);
      const now = Object.keys(parser.value as object).length;
      const appeared = now > keys;
      keys = now;
      if (appeared && !snapshots.budget.allows) forced[now - 1] = snapshots.due;
      if (snapshots.due) snapshots.publish();
    }
    // Key 1,000 (the 1,000th) is still tracked, the next ones are not; the budget is in debt there.
    expect(forced[999]).toBe(true);
    expect(forced[1_000]).toBe(false);
    expect(forced.slice(1_000).filter((f) => f === true)).toStrictEqual([]);
  });
});

describe('structuredParser over a wide array', () => {
  it('completes 200,000 numbers with far fewer snapshots than chunks', async () => {
    const text = numbers(200_000);
    const chunks = chunksOf(text);
    const chain = fakeRunnable(chunks).pipe(structuredParser(z.array(z.number())));
    const emitted = await collect(chain.stream('q'));
    const final = JSON.parse(text) as unknown;
    expectSameJson(emitted[emitted.length - 1], final);
    // 528 measured (527 snapshots and the validated value) for 344,445 chunks.
    expect(emitted.length).toBeLessThan(1_000);
    expectSameJson(await chain.invoke('q'), final);
  });
});
