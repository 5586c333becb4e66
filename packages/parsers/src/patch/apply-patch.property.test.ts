import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonValue } from '../test-support/json-arbitraries.js';
import { expectSameJson } from '../test-support/same-json.js';
import { applyPatch, type PatchOperation } from './apply-patch.js';
import { escapePointerSegment } from './json-pointer.js';
import { locations, pick } from '../test-support/json-locations.js';

// The random choices behind one operation; `opFor` turns them into a valid operation for a document.
interface Seed {
  readonly kind: number;
  readonly at: number;
  readonly to: number;
  readonly key: string;
  readonly value: unknown;
}

const seed: fc.Arbitrary<Seed> = fc.record({
  kind: fc.nat(),
  at: fc.nat(),
  to: fc.nat(),
  key: fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom('__proto__', 'constructor', '', '~/', '0')),
  value: jsonValue,
});

// Mostly containers: a scalar document leaves little to patch but its root.
const documents = fc.oneof(jsonValue, fc.array(jsonValue, { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 3 }), jsonValue, { maxKeys: 4 }));

// A pointer `add` accepts in `doc`: the root, a member of an object (new or existing) or a place in an array.
function addTarget(doc: unknown, s: Seed): string {
  const containers = locations(doc).filter((l) => typeof l.value === 'object' && l.value !== null);
  const target = pick(containers, s.to);
  if (target === undefined || s.to % 7 === 0) return '';
  if (!Array.isArray(target.value)) return `${target.pointer}/${escapePointerSegment(s.key)}`;
  const i = s.at % (target.value.length + 2);
  return `${target.pointer}/${i > target.value.length ? '-' : i}`;
}

function opFor(doc: unknown, s: Seed): PatchOperation {
  const all = locations(doc);
  const inner = pick(all.slice(1), s.at);
  const at = inner === undefined || s.to % 7 === 0 ? all[0]! : inner; // the root, now and then
  switch (s.kind % 7) {
    case 0:
      return { op: 'add', path: addTarget(doc, s), value: s.value };
    case 1:
      return inner === undefined ? { op: 'test', path: '', value: doc } : { op: 'remove', path: inner.pointer };
    case 2:
      return { op: 'replace', path: at.pointer, value: s.value };
    case 3: {
      if (inner === undefined) return { op: 'test', path: '', value: doc };
      const rest = applyPatch(doc, [{ op: 'remove', path: inner.pointer }]);
      const path = addTarget(rest, s);
      return { op: 'move', from: inner.pointer, path: path.startsWith(`${inner.pointer}/`) ? inner.pointer : path };
    }
    case 4:
      return { op: 'copy', from: at.pointer, path: addTarget(doc, s) };
    case 5:
      return { op: 'test', path: at.pointer, value: structuredClone(at.value) };
    default: {
      const text = pick(all.filter((l) => typeof l.value === 'string'), s.to);
      return text === undefined ? { op: 'test', path: '', value: doc } : { op: 'append', path: text.pointer, value: s.key };
    }
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

describe('applyPatch (property)', () => {
  it('gives the same document for all operations in one call as for one call each, mutating nothing', () => {
    fc.assert(
      fc.property(documents, fc.array(seed, { maxLength: 24 }), (input, seeds) => {
        const before = JSON.stringify(input);
        deepFreeze(input); // and every result below: a write to any of them throws
        const ops: PatchOperation[] = [];
        let stepwise = input;
        for (const s of seeds) {
          const op = deepFreeze(opFor(stepwise, s));
          ops.push(op);
          stepwise = deepFreeze(applyPatch(stepwise, [op]));
        }
        expectSameJson(applyPatch(input, ops), stepwise);
        expect(JSON.stringify(input)).toBe(before);
      }),
      { numRuns: 500 },
    );
  });
});
