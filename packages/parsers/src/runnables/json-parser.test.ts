import { AIMessageChunk, OutputParserError } from '@rivulet/core';
import { collect, fakeRunnable, settle } from '@rivulet/core/testing';
import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { applyPatch, jsonParser, type JsonPatchOperation } from '../index.js';

describe('jsonParser', () => {
  const chunks = ['```json\n{"title": "Riv', 'ers", "items": [1, ', '2]}', '\n```'];

  it('emits a snapshot after each chunk that changed the value', async () => {
    const snapshots = await collect(fakeRunnable(chunks).pipe(jsonParser()).stream('q'));
    expect(snapshots).toStrictEqual([{ title: 'Riv' }, { title: 'Rivers', items: [1] }, { title: 'Rivers', items: [1, 2] }]);
    expect(await fakeRunnable(chunks.map((c) => new AIMessageChunk(c))).pipe(jsonParser()).invoke('q')).toStrictEqual({ title: 'Rivers', items: [1, 2] });
  });

  it('works chunk by chunk, before the input ends', () => {
    const input = new Subject<string>();
    const seen: unknown[] = [];
    input.pipe(jsonParser().asOperator()).subscribe((value) => seen.push(value));
    input.next('{"a": "x');
    expect(seen).toStrictEqual([{ a: 'x' }]);
    input.next('y"');
    expect(seen).toStrictEqual([{ a: 'x' }, { a: 'xy' }]);
    input.next('}');
    input.complete();
    expect(seen).toHaveLength(2);
  });

  it('emits JSON Patch operations in patch mode', async () => {
    const parser = jsonParser({ mode: 'patch' });
    const patches = await collect(fakeRunnable(chunks).pipe(parser).stream('q'));
    expect(patches[1]).toStrictEqual([
      { op: 'append', path: '/title', value: 'ers' },
      { op: 'add', path: '/items', value: [1] },
    ]);
    const doc = patches.reduce<unknown>((d, ops) => applyPatch(d, ops), undefined);
    expect(doc).toStrictEqual({ title: 'Rivers', items: [1, 2] });
    const all: JsonPatchOperation[] = await fakeRunnable(chunks).pipe(parser).invoke('q');
    expect(applyPatch(undefined, all)).toStrictEqual(doc);
  });

  it('fails with OutputParserError on invalid or incomplete JSON', async () => {
    const bad = await settle(fakeRunnable(['{"a": 1', ', x']).pipe(jsonParser()).stream('q'));
    expect(bad.chunks).toStrictEqual([{}]);
    expect(OutputParserError.isInstance(bad.error)).toBe(true);
    expect((bad.error as OutputParserError).text).toBe('{"a": 1, x');
    const cut = await settle(fakeRunnable(['{"a": "b']).pipe(jsonParser()).stream('q'));
    expect(cut.chunks).toStrictEqual([{ a: 'b' }]);
    expect((cut.error as OutputParserError).message).toMatch(/Unterminated string/);
    await expect(jsonParser({ maxDepth: 1 }).invoke('[[]]')).rejects.toThrow(/maxDepth \(1\)/);
  });
});
