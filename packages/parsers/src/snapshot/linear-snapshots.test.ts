import { FieldShapes, MAX_TRACKED_FIELDS } from '../patch/field-shapes.js';
import { collect, fakeRunnable } from '@rivulet/core/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { COPIES_PER_CHARACTER, PartialJsonParser, SnapshotObserver, structuredParser } from '../index.js';
import { expectSameJson } from '../test-support/same-json.js';

// These tests count work (elements copied for snapshots), never time.


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

// Each shape, in 4-character chunks, copies about COPIES_PER_CHARACTER elements per character (a
// 1 MB string far fewer: it gets a snapshot per chunk, at no copying cost) and gets far fewer
// snapshots than chunks; the bound is the budget plus two containers' widths (a snapshot's copies
// are paid after it went out, and an outer container can be copied at publication and at its next write).
const shapes: readonly (readonly [string, () => string])[] = [
  ['an object holding an array of 50,000 small objects', () => JSON.stringify({ items: Array.from({ length: 50_000 }, (_, id) => ({ id, ok: id % 2 === 0 })) })],
  ['nesting 400 deep (within maxDepth 512)', () => deepArrays(400)],
  ['one 1 MB string', () => JSON.stringify({ text: 'lorem ipsum dolor sit amet, é 🌊 \n'.repeat(32_768) })],
  ['a wide object with 20,000 distinct keys', () => JSON.stringify(Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`key${i}`, i])))],
  ['the benchmark-like document', () => benchmarkLike(300)],
];

let arraysOf3Run: Run | undefined; // driven once for the two tests below

function expectLinear(text: string, run: Run, slack: (final: unknown) => number): void {
  const final = JSON.parse(text) as unknown;
  expectSameJson(run.last, final);
  expect(run.snapshots.budget.copied).toBeLessThanOrEqual(COPIES_PER_CHARACTER * text.length + slack(final));
}

describe('snapshots are linear for documents of any shape', () => {
  it.each(shapes)('%s: copies ≤ COPIES_PER_CHARACTER per character + two widths', (_name, make) => {
    const text = make();
    expectLinear(text, drive(text), (final) => 2 * widest(final));
  });

  it('an array of 20,000 arrays of 3: copies ≤ COPIES_PER_CHARACTER per character + twice the widest container', () => {
    expectLinear(arraysOf3, (arraysOf3Run ??= drive(arraysOf3)), (final) => 2 * widest(final));
  });

  it('a top-level array of 200,000 numbers: the quadratic behaviour cannot come back (≤ COPIES_PER_CHARACTER + 1 copies per character at every point)', () => {
    const text = numbers(200_000);
    const final = JSON.parse(text) as unknown;
    // Checked after every chunk, so a rule that publishes after every change fails within a few hundred chunks.
    const run = drive(text, (snapshots, consumed) => {
      if (snapshots.budget.copied > (COPIES_PER_CHARACTER + 1) * consumed) {
        throw new Error(`${snapshots.budget.copied} elements copied after ${consumed} characters`);
      }
    });
    expectSameJson(run.last, final);
    expect(run.snapshots.budget.copied).toBeLessThanOrEqual(COPIES_PER_CHARACTER * text.length + widest(final));
    expect(run.snapshots.budget.copied / text.length).toBeLessThanOrEqual(COPIES_PER_CHARACTER + 1);
    expect(run.published).toBeLessThan(1_000); // 527 measured, for 344,445 chunks
  });

  // Forced snapshots (a field's first appearance) may overdraw the budget by as much again as was
  // earned, no more: before that cap, 400 nested objects cost 48 copies per character, and 5,000
  // numbers followed by 1,000 objects each with a new key 201 (every key copied the array again).
  it('fields seen first until the end keep copies within twice COPIES_PER_CHARACTER per character + two widths', () => {
    const documents = [deepObjects(400), `[${'0, '.repeat(5_000)}${Array.from({ length: 1_000 }, (_, i) => `{"k${i}": 0}`).join(', ')}]`];
    const over = documents.flatMap((text) => {
      const final = JSON.parse(text) as unknown;
      const run = drive(text);
      expectSameJson(run.last, final);
      const copied = run.snapshots.budget.copied;
      return copied > 2 * COPIES_PER_CHARACTER * text.length + 2 * widest(final) ? [`${copied} copies for ${text.length} characters`] : [];
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

  it('the 1,001st distinct field is not tracked: past that, an object is a map and its keys wait like elements', () => {
    const shapes = new FieldShapes();
    const news = Array.from({ length: 1_200 }, (_, i) => shapes.member(shapes.root, `k${i}`).isNew);
    expect(news.slice(0, MAX_TRACKED_FIELDS).every(Boolean)).toBe(true);
    expect(news.slice(MAX_TRACKED_FIELDS).some(Boolean)).toBe(false);
    expect(shapes.member(shapes.root, 'k0').isNew).toBe(false);
    // Untracked members share one shape: a map of 20,000 keys does not make 20,000 shapes.
    expect(shapes.member(shapes.root, 'k1100').shape).toBe(shapes.member(shapes.root, 'k1101').shape);
  });

  it('forced snapshots stop once they have overdrawn the budget by as much as was earned', () => {
    // A map whose every key is new, each forcing a copy of the whole open object.
    const text = JSON.stringify(Object.fromEntries(Array.from({ length: 900 }, (_, i) => [`k${i}`, i])));
    const run = drive(text);
    expect(run.snapshots.budget.copied).toBeLessThanOrEqual(2 * COPIES_PER_CHARACTER * text.length + 2 * 900);
    expect(run.published).toBeLessThan(900);
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
