import { fakeRunnable } from '@rivulet/core/testing';
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import type { Observable } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jsonParser, PartialJsonParser, SnapshotObserver, structuredParser } from '../index.js';
import { appendedSince } from '../patch/index.js';
import { inconsistency } from '../test-support/consistency.js';
import { chunkSizes, jsonText, jsonValue, split } from '../test-support/json-arbitraries.js';
import { expectSameJson } from '../test-support/same-json.js';

interface Emission {
  readonly value: unknown;
  readonly json: string; // as it was when emitted
}

const stringify = (value: unknown): string => JSON.stringify(value) ?? 'undefined';

function emissions(stream: Observable<unknown>): Promise<Emission[]> {
  return new Promise((resolve, reject) => {
    const out: Emission[] = [];
    stream.subscribe({ next: (value) => out.push({ value, json: stringify(value) }), error: reject, complete: () => resolve(out) });
  });
}

// Same-path subtrees of two consecutive chunks: equal content must mean the same object.
function identityViolation(prev: unknown, next: unknown, path = ''): string | undefined {
  if (prev === next || typeof prev !== 'object' || prev === null || typeof next !== 'object' || next === null) return undefined;
  if (isDeepStrictEqual(prev, next)) return prev === next ? undefined : `${path || '/'} is equal but a new object`;
  for (const key of Object.keys(next)) {
    if (!Object.hasOwn(prev, key)) continue;
    const why = identityViolation((prev as Record<string, unknown>)[key], (next as Record<string, unknown>)[key], `${path}/${key}`);
    if (why) return why;
  }
  return undefined;
}

// Every string growth the snapshot layer noted between two consecutive chunks is true: the new string is the old one plus
// the noted text. Returns how many were noted.
let notedGrowths = 0;
function growthViolation(prev: unknown, next: unknown, path = ''): string | undefined {
  if (prev === next || typeof prev !== 'object' || prev === null || typeof next !== 'object' || next === null) return undefined;
  const before = prev as Record<string, unknown>;
  const after = next as Record<string, unknown>;
  for (const key of Object.keys(after)) {
    const index = Array.isArray(after) ? Number(key) : key;
    const appended = appendedSince(before, after, index);
    if (appended !== undefined) {
      notedGrowths++;
      if (typeof before[key] !== 'string' || after[key] !== `${before[key] as string}${appended}`) return `${path}/${key}: noted +${JSON.stringify(appended)} is not what changed`;
    }
    const why = Object.hasOwn(before, key) ? growthViolation(before[key], after[key], `${path}/${key}`) : undefined;
    if (why) return why;
  }
  return undefined;
}

/** Snapshots a layer would publish after every chunk that changed the value: what the budget may thin out. */
function unthrottledCount(chunks: readonly string[]): number {
  const snapshots = new SnapshotObserver();
  const parser = new PartialJsonParser({ observers: [snapshots] });
  let count = 0;
  for (const chunk of chunks) {
    parser.push(chunk);
    if (snapshots.changed) {
      snapshots.publish();
      count++;
    }
  }
  parser.end();
  return snapshots.changed ? count + 1 : count;
}

// Small documents of any shape, and wide arrays of mostly short elements, whose snapshots the budget spaces out.
const wideArray = fc.array(fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 9 }) }, { weight: 1, arbitrary: jsonValue }), { minLength: 40, maxLength: 200, size: 'max' });
// Strings long enough that the snapshot layer notes their growth (see appendedSince).
const longStrings = fc.dictionary(fc.string({ maxLength: 3 }), fc.oneof(fc.string({ minLength: 300, maxLength: 900 }), fc.array(fc.string({ minLength: 300, maxLength: 900 }), { maxLength: 2 })), {
  minKeys: 1,
  maxKeys: 3,
});
const documentValue = fc
  .oneof(jsonValue, wideArray, longStrings, fc.dictionary(fc.string({ maxLength: 3 }), wideArray, { minKeys: 1, maxKeys: 3 }))
  .map((v) => JSON.parse(JSON.stringify(v)) as unknown); // plain objects, as JSON.parse returns them
const document = documentValue.chain((value) => fc.tuple(fc.constant(value), jsonText(value), chunkSizes));

function expectConsistent(emitted: readonly Emission[], final: unknown): void {
  expect(emitted.length).toBeGreaterThan(0);
  emitted.forEach(({ value, json }, i) => {
    const why = inconsistency(value, final);
    if (why) throw new Error(`chunk ${i} is no earlier state of the final value: ${why}`);
    expect(stringify(value), `chunk ${i} was mutated after it was emitted`).toBe(json);
    if (i > 0) {
      const broken = identityViolation(emitted[i - 1]!.value, value) ?? growthViolation(emitted[i - 1]!.value, value);
      if (broken) throw new Error(`chunk ${i}: ${broken}`);
    }
  });
  expectSameJson(emitted[emitted.length - 1]!.value, final);
}

describe('snapshot sequences', () => {
  it('jsonParser: every snapshot is an earlier state of the final value, never mutated, sharing what did not change', async () => {
    let held = 0;
    await fc.assert(
      fc.asyncProperty(document, async ([value, text, sizes]) => {
        const chunks = split(text, sizes);
        const emitted = await emissions(fakeRunnable(chunks).pipe(jsonParser()).stream('q'));
        expectConsistent(emitted, value);
        if (emitted.length < unthrottledCount(chunks)) held++;
      }),
      { numRuns: 100 },
    );
    expect(held).toBeGreaterThan(0); // the budget did hold changes back in some runs
    expect(notedGrowths).toBeGreaterThan(0); // and strings split across snapshots had their growth noted
  });

  it('structuredParser with a permissive schema: the same, and the validated last chunk keeps every unchanged identity', async () => {
    let held = 0;
    await fc.assert(
      fc.asyncProperty(document, async ([value, text, sizes]) => {
        const chunks = split(text, sizes);
        const emitted = await emissions(fakeRunnable(chunks).pipe(structuredParser(z.unknown())).stream('q'));
        // identityViolation between the last two chunks is the final-identity rule.
        expectConsistent(emitted, value);
        if (emitted.length < unthrottledCount(chunks)) held++;
      }),
      { numRuns: 100 },
    );
    expect(held).toBeGreaterThan(0);
  });
});
