import { AsyncLocalStorage } from 'node:async_hooks';
import { lambda } from '@rivulet/core';
import { fakeRunnable } from '@rivulet/core/testing';
import { jsonParser, structuredParser } from '@rivulet/parsers';
import { applyPatch, type PatchOperation } from '@rivulet/parsers/patch';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createHandler, RemoteRunnable } from '../index.js';
import { pieces, tripPlan } from '../test-support/documents.js';
import { perTurn } from '../test-support/per-turn.js';
import { serve } from '../test-support/serve.js';
import { post } from '../test-support/sse-text.js';
import { parseSse } from '@rivulet/test-kit';

async function streamed(document: unknown, chunkSize: number): Promise<{ bytes: number; events: { event?: string | undefined; data: string }[] }> {
  // One piece per turn of the event loop, as a model's network reads come (pieces of one turn would go out as one patch).
  const chain = lambda(() => perTurn(pieces(JSON.stringify(document, null, 1), chunkSize))).pipe(jsonParser());
  const response = await createHandler(chain)(post('http://localhost/stream', { input: null }));
  const body = new Uint8Array(await response.arrayBuffer());
  return { bytes: body.byteLength, events: parseSse(new TextDecoder().decode(body)) };
}

function rebuilt(events: readonly { event?: string | undefined; data: string }[]): unknown {
  let value: unknown;
  for (const event of events.filter((e) => e.event === 'patch')) value = applyPatch(value, JSON.parse(event.data) as PatchOperation[]);
  return value;
}

// Characters examined by `startsWith` (how the patch encoder compares strings), in all and in the `outer` context.
function countExamined(): { total(): number; outerTotal(): number; readonly outer: AsyncLocalStorage<boolean>; restore(): void } {
  const outer = new AsyncLocalStorage<boolean>();
  let total = 0;
  let outerTotal = 0;
  const original = String.prototype.startsWith;
  const spy = vi.spyOn(String.prototype, 'startsWith').mockImplementation(function (this: string, prefix: string, position?: number) {
    total += prefix.length;
    if (outer.getStore() === true) outerTotal += prefix.length;
    return original.call(this, prefix, position);
  });
  return { total: () => total, outerTotal: () => outerTotal, outer, restore: () => spy.mockRestore() };
}

describe('snapshot streams as patch events', () => {
  it('sends patch events that rebuild every snapshot and the final value', async () => {
    const document = tripPlan(5);
    const { events } = await streamed(document, 7);
    expect(events[0]?.event).toBe('metadata');
    expect(JSON.parse(events[0]!.data)).toMatchObject({ aggregate: { kind: 'snapshot' } });
    expect(events.at(-1)?.event).toBe('end');
    const patches = events.slice(1, -1);
    expect(new Set(patches.map((e) => e.event))).toEqual(new Set(['patch']));
    let value: unknown;
    for (const event of patches) value = applyPatch(value, JSON.parse(event.data) as PatchOperation[]);
    expect(value).toEqual(document);
    const ops = patches.flatMap((e) => JSON.parse(e.data) as PatchOperation[]);
    expect(ops[0]).toMatchObject({ op: 'add', path: '' });
    expect(ops.filter((op) => op.op === 'append').length).toBeGreaterThan(ops.length / 2); // growing strings are appended to
  });

  it('sends bytes linear in the size of the document', async () => {
    const small = tripPlan(100);
    const large = tripPlan(400);
    const jsonBytes = (d: object): number => JSON.stringify(d, null, 1).length;
    const chunk = 16; // about four tokens of a model's output per event
    const a = await streamed(small, chunk);
    const b = await streamed(large, chunk);
    // Four times the document, at most four times the bytes (a quadratic wire would be sixteen;
    // fewer when this reader, which only reads at the end, lets waiting snapshots coalesce).
    expect(b.bytes / a.bytes).toBeLessThan(4.4);
    // Within a small factor of the JSON itself: the factor is the SSE framing and paths of one event per chunk.
    expect(b.bytes / jsonBytes(large)).toBeLessThan(8);
    // Resending each snapshot whole instead would cost hundreds of times more.
    const naive = (jsonBytes(large) / chunk) * (jsonBytes(large) / 2);
    expect(naive / b.bytes).toBeGreaterThan(100);
  });

  it('appends to one huge string without comparing it whole again per snapshot: characters examined stay linear', async () => {
    const answer = 'All work and no play makes a long answer. '.repeat(3_000); // 126 KB in one string
    const examined = countExamined();
    try {
      const { events } = await streamed({ answer }, 16);
      expect((rebuilt(events) as { answer?: string }).answer === answer).toBe(true);
      // Comparing the string so far with the one before, per snapshot, would examine ~ n² / (2 × 16) characters. Here:
      // while it is short (its growth is not noted under 256 characters), and once whole when it completes.
      expect(examined.total()).toBeLessThan(2 * answer.length);
    } finally {
      examined.restore();
    }
  });

  it('appends to a huge top-level string without comparing it whole again per snapshot', async () => {
    const answer = 'All work and no play makes a long answer. '.repeat(3_000); // 126 KB, the document itself
    const examined = countExamined();
    try {
      const { events } = await streamed(answer, 16);
      expect(rebuilt(events) === answer).toBe(true); // not toBe: a failure would print 126 KB
      // No container to note the growth on: before the snapshot layer noted it by the string itself, each
      // snapshot was compared whole: 496,180,125 characters. Now the short start, and once whole at the end (127,904).
      expect(examined.total()).toBeLessThan(2 * answer.length);
    } finally {
      examined.restore();
    }
  });

  it('re-serves a RemoteRunnable without comparing a huge string whole per snapshot', async () => {
    const text = 'All work and no play makes a long answer. '.repeat(3_000); // 126 KB in one string
    const inner = await serve(createHandler(lambda(() => perTurn(pieces(JSON.stringify({ text }), 16))).pipe(jsonParser())));
    const outer = createHandler(new RemoteRunnable<null, unknown>({ url: inner.url, aggregate: { kind: 'snapshot' } }));
    const examined = countExamined();
    try {
      // Only the outer server's work runs in this context: the inner one serves its requests from its own.
      const body = await examined.outer.run(true, async () => (await outer(post('http://localhost/stream', { input: null }))).text());
      expect((rebuilt(parseSse(body)) as { text?: string }).text === text).toBe(true); // not toEqual: a failure would print 126 KB
      // The client's PatchedDocument notes the growth the `append`s bring; before it did, the outer
      // encoder compared the string whole per snapshot: 496,117,125 characters. Now 1,785 (the short start).
      expect(examined.outerTotal()).toBeLessThan(2 * text.length);
      expect(examined.total()).toBeLessThan(4 * text.length); // the inner server's too (it compares once whole at the end)
    } finally {
      examined.restore();
      await inner.close();
    }
  });

  it('streams a structured parser the same way, the final value validated', async () => {
    const Plan = z.object({ destination: z.string(), days: z.array(z.object({ day: z.number(), title: z.string() })) });
    const document = { destination: 'Porto', days: [{ day: 1, title: 'Ribeira' }, { day: 2, title: 'Foz' }] };
    const chain = fakeRunnable(pieces(JSON.stringify(document), 5)).pipe(structuredParser(Plan));
    const response = await createHandler(chain)(post('http://localhost/stream', { input: null }));
    const events = parseSse(await response.text());
    let value: unknown;
    for (const event of events.filter((e) => e.event === 'patch')) value = applyPatch(value, JSON.parse(event.data) as PatchOperation[]);
    expect(value).toEqual(document);
  });
});
