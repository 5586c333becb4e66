import { fromOperator, OutputParserError } from '@rivulet/core';
import { map, type Observable } from 'rxjs';
import { collect, fakeRunnable, settle } from '@rivulet/core/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { elementsParser } from '../index.js';

describe('elementsParser', () => {
  const city = z.object({ name: z.string(), population: z.number().transform((n) => n * 1000) });
  const text = ['{"cities": [{"name": "Oslo", "population": 700}, {"na', 'me": "Rome", "population": 2800}', ', {"name": "Lima", "population": 10000}]}'];

  it('emits each element as one chunk, validated, as soon as it is complete', async () => {
    const log: string[] = [];
    const tap = fromOperator((chunks: Observable<string>) => chunks.pipe(map((chunk) => (log.push(`text ${chunk.length}`), chunk))));
    const chain = fakeRunnable(text).pipe(tap).pipe(elementsParser(city, { path: '/cities' }));
    const elements = await collect(chain.stream('q').pipe(map((element) => (log.push(`element ${element.name}`), element))));
    expect(elements).toStrictEqual([
      { name: 'Oslo', population: 700_000 },
      { name: 'Rome', population: 2_800_000 },
      { name: 'Lima', population: 10_000_000 },
    ]);
    expect(log).toStrictEqual(['text 53', 'element Oslo', 'text 32', 'element Rome', 'text 41', 'element Lima']);
    expect(await chain.invoke('q')).toStrictEqual(elements);
  });

  it('reads a top-level array by default', async () => {
    expect(await elementsParser(z.number()).invoke('[1, 2, 3]')).toStrictEqual([1, 2, 3]);
    expect(await elementsParser(z.number()).invoke('[]')).toStrictEqual([]);
  });

  it('reads a top-level array by default', async () => {
    expect(await elementsParser(z.number()).invoke('[1, 2, 3]')).toStrictEqual([1, 2, 3]);
  });

  it('fails on an invalid element after emitting the valid ones', async () => {
    const { chunks, error } = await settle(elementsParser(z.number()).stream('[1, 2, "x", 4]'));
    expect(chunks).toStrictEqual([1, 2]);
    expect(OutputParserError.isInstance(error) && error.issues.length).toBeGreaterThan(0);
  });

  it('fails when there is no array at the path', async () => {
    await expect(elementsParser(z.number(), { path: '/items' }).invoke('{"other": [1]}')).rejects.toThrow(/No array at JSON Pointer "\/items"/);
  });
});
