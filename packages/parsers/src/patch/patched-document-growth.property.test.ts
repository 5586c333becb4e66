import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendedSince, applyPatch, PatchedDocument, type PatchOperation } from './index.js';
import { escapePointerSegment } from './json-pointer.js';
import { locations, pick } from '../test-support/json-locations.js';

// The random choices behind one step; `opFor` turns them into a valid operation for the document, or a snapshot.
interface Seed {
  readonly kind: number;
  readonly at: number;
  readonly to: number;
  readonly key: string;
  readonly text: string;
}

// Mostly appends (several strings grow in one interval), with replaces, copies, moves and adds in between.
const seed: fc.Arbitrary<Seed> = fc.record({
  kind: fc.nat(),
  at: fc.nat({ max: 3 }), // few strings, so one is often appended to, replaced and appended to again in one interval
  to: fc.nat(),
  key: fc.constantFrom('a', 'b', 'c', '~/', '__proto__'),
  text: fc.string({ minLength: 1, maxLength: 40 }),
});

// Strings around the length from which growth is noted (256), so appends cross it.
const longText = fc.string({ minLength: 200, maxLength: 400 });
const documents = fc.oneof(
  longText, // the root itself a string
  fc.record({ a: longText, b: fc.array(fc.oneof(longText, fc.string({ maxLength: 5 })), { maxLength: 3 }), c: fc.record({ a: longText }) }),
);

// `undefined`: take a snapshot here.
function opFor(doc: unknown, s: Seed): PatchOperation | undefined {
  const all = locations(doc);
  const strings = all.filter((l) => typeof l.value === 'string');
  const objects = all.filter((l) => typeof l.value === 'object' && l.value !== null && !Array.isArray(l.value));
  const text = pick(strings, s.at);
  const kind = s.kind % 16;
  if (kind === 15) return undefined;
  if (text === undefined) return undefined;
  if (kind >= 10) return { op: 'append', path: text.pointer, value: s.text };
  if (kind >= 7) return { op: 'replace', path: text.pointer, value: s.text.repeat(s.to % 3 === 0 ? 1 : 20) };
  const object = pick(objects, s.to);
  if (kind === 4 && object !== undefined) return { op: 'copy', from: text.pointer, path: `${object.pointer}/${escapePointerSegment(s.key)}` };
  if (kind === 5 && text.pointer !== '' && object !== undefined && !object.pointer.startsWith(`${text.pointer}/`)) {
    return { op: 'move', from: text.pointer, path: `${object.pointer}/${escapePointerSegment(s.key)}` };
  }
  if (kind === 6 && object !== undefined) return { op: 'add', path: `${object.pointer}/${escapePointerSegment(s.key)}`, value: s.text.repeat(15) };
  return { op: 'append', path: text.pointer, value: s.text };
}

const noted = { root: 0, member: 0 };

// Every growth noted between two snapshots, at the same place in both, is true: the new string is the old one and the text.
function expectTrueGrowths(previous: unknown, next: unknown, pointer = ''): void {
  if (typeof previous === 'string' && typeof next === 'string') {
    const appended = appendedSince(previous, next);
    if (appended !== undefined) {
      noted.root++;
      expect(next === previous + appended, `${pointer || '/'}: noted +${JSON.stringify(appended)} is not what changed`).toBe(true);
    }
    return;
  }
  if (typeof previous !== 'object' || previous === null || typeof next !== 'object' || next === null || Array.isArray(previous) !== Array.isArray(next)) return;
  const before = previous as Record<string, unknown>;
  const after = next as Record<string, unknown>;
  for (const key of Object.keys(after)) {
    const appended = appendedSince(previous, next, Array.isArray(next) ? Number(key) : key);
    if (appended !== undefined) {
      noted.member++;
      expect(after[key] === `${String(before[key])}${appended}`, `${pointer}/${key}: noted +${JSON.stringify(appended)} is not what changed`).toBe(true);
    }
    if (Object.hasOwn(before, key)) expectTrueGrowths(before[key], after[key], `${pointer}/${key}`);
  }
}

describe('PatchedDocument string growth (property)', () => {
  it('notes only true growths: between any two of its snapshots, the new string is the old one plus the noted text', () => {
    fc.assert(
      fc.property(documents, fc.array(seed, { minLength: 10, maxLength: 80, size: 'max' }), (input, seeds) => {
        const document = new PatchedDocument();
        const add: PatchOperation[] = [{ op: 'add', path: '', value: input }];
        document.apply(add, 0);
        let mirror = applyPatch(undefined, add);
        const snapshots = [document.publish()];
        for (const s of seeds) {
          const op = opFor(mirror, s);
          if (op !== undefined) {
            document.apply([op], 0);
            mirror = applyPatch(mirror, [op]);
            continue;
          }
          const snapshot = document.publish();
          expect(snapshot).toEqual(mirror);
          // Every earlier snapshot, not only the one before: a consumer that skipped some must not be misled.
          for (const earlier of snapshots) expectTrueGrowths(earlier, snapshot);
          snapshots.push(snapshot);
        }
      }),
      { numRuns: 300 },
    );
    // Growths were noted, at the root and in containers.
    expect(noted.root).toBeGreaterThan(10);
    expect(noted.member).toBeGreaterThan(10);
  });
});
