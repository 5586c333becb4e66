import { fakeRunnable } from '@rivulet/core/testing';
import { jsonParser } from '@rivulet/parsers';
import { applyPatch, COPIES_PER_CHARACTER, PatchedDocument, type PatchOperation } from '@rivulet/parsers/patch';
import { describe, expect, it } from 'vitest';
import { createHandler } from '../index.js';
import { post } from '../test-support/sse-text.js';
import { readRunStream } from './read-run-stream.js';
import { parseSse, readAsItComes } from '@rivulet/test-kit';

const numbers = (n: number): string => JSON.stringify(Array.from({ length: n }, (_, i) => (i % 7 === 0 ? -i / 4 : i)));
const objects = (n: number): string => JSON.stringify({ items: Array.from({ length: n }, (_, id) => ({ id, name: `item ${id}`, tags: ['a'] })) });
const chunksOf = (text: string): string[] => Array.from({ length: Math.ceil(text.length / 4) }, (_, i) => text.slice(i * 4, i * 4 + 4));

/** The SSE text the server sends for `text` parsed in 4-character chunks, read eagerly. */
async function served(text: string): Promise<string> {
  return readAsItComes(await createHandler(fakeRunnable(chunksOf(text)).pipe(jsonParser()))(post('http://localhost/stream', { input: null })));
}

describe('the client applies a patch stream in O(n) for any shape', () => {
  it.each([
    ['200,000 numbers', numbers(200_000)],
    ['50,000 small objects', objects(50_000)],
  ])('%s: copies stay within 2 × COPIES_PER_CHARACTER per character received, and the snapshots end at the document', async (_, text) => {
    const body = await served(text);
    const patches = parseSse(body).filter((e) => e.event === 'patch');
    const document = new PatchedDocument();
    let received = 0;
    let last: unknown;
    for (const event of patches) {
      received += event.data.length;
      document.apply(JSON.parse(event.data) as PatchOperation[], event.data.length);
      if (document.due) last = document.publish();
    }
    if (document.changed) last = document.publish();
    expect(last).toEqual(JSON.parse(text));
    expect(document.budget.copied).toBeLessThanOrEqual(2 * COPIES_PER_CHARACTER * received);
    // The server spaces its snapshots by the same rule: far fewer patches than the 4-character chunks.
    expect(patches.length).toBeLessThan(chunksOf(text).length / 100);
  });

  it('readRunStream spaces snapshots of a wide array when patches arrive faster than they pay off', async () => {
    // Every element its own patch, as a server on a fast parser cadence might send them.
    const count = 20_000;
    let body = `event: metadata\ndata: {"runId":"r","aggregate":{"kind":"snapshot"}}\n\nevent: patch\ndata: [{"op":"add","path":"","value":[]}]\n\n`;
    for (let i = 0; i < count; i++) body += `event: patch\ndata: [{"op":"add","path":"/${i}","value":${i}}]\n\n`;
    body += 'event: end\ndata: {}\n\n';
    const snapshots: unknown[] = [];
    for await (const item of readRunStream(new Response(body))) if (item.type === 'snapshot') snapshots.push(item.value);
    expect(snapshots.at(-1)).toEqual(Array.from({ length: count }, (_, i) => i));
    // Spaced by the copy budget; applyPatch per message would copy 200 million slots.
    expect(snapshots.length).toBeLessThan(count / 5);
    // Every snapshot handed out is immutable: the working copy moved on without touching it.
    expect((snapshots[1] as unknown[]).length).toBeLessThan((snapshots.at(-1) as unknown[]).length);
  });

  it('a narrow document gets a snapshot per patch, each equal to applying the patches so far', async () => {
    const text = JSON.stringify({ title: 'Lisbon', days: [{ day: 1, plan: 'Alfama' }, { day: 2, plan: 'Belém' }] });
    const body = await served(text);
    const patches = parseSse(body).filter((e) => e.event === 'patch');
    const expected: unknown[] = [];
    let value: unknown;
    for (const event of patches) expected.push((value = applyPatch(value, JSON.parse(event.data) as PatchOperation[])));
    const snapshots: unknown[] = [];
    for await (const item of readRunStream(new Response(body))) if (item.type === 'snapshot') snapshots.push(item.value);
    expect(snapshots).toEqual(expected);
  });
});
