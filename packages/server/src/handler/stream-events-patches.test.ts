import { lambda, parallel } from '@rivulet/core';
import { fakeRunnable } from '@rivulet/core/testing';
import { jsonParser } from '@rivulet/parsers';
import type { PatchOperation } from '@rivulet/parsers/patch';
import { parseSse } from '@rivulet/test-kit';
import { describe, expect, it } from 'vitest';
import { createHandler, type WireRunEvent } from '../index.js';
import { pieces, tripPlan } from '../test-support/documents.js';
import { perTurn } from '../test-support/per-turn.js';
import { post } from '../test-support/sse-text.js';

async function streamEvents(chain: Parameters<typeof createHandler>[0]): Promise<{ bytes: number; events: WireRunEvent[] }> {
  const response = await createHandler(chain)(post('http://localhost/stream_events', { input: null }));
  const body = new Uint8Array(await response.arrayBuffer());
  const events = parseSse(new TextDecoder().decode(body)).filter((e) => e.event === 'data');
  return { bytes: body.byteLength, events: events.map((e) => JSON.parse(e.data) as WireRunEvent) };
}

const planChain = (document: object, chunkSize: number) => lambda(() => perTurn(pieces(JSON.stringify(document, null, 1), chunkSize))).pipe(jsonParser());

describe('stream_events sends the chunks of snapshot steps as patches', () => {
  it('announces each step’s rule at its start; a snapshot step’s chunks are patches from its previous one, its end the whole value', async () => {
    const document = tripPlan(5);
    const { events } = await streamEvents(planChain(document, 7));
    const starts = events.filter((e) => e.type === 'start');
    expect(starts.map((e) => [e.name, (e.data as { aggregate: unknown }).aggregate])).toEqual([
      ['sequence', { kind: 'snapshot' }],
      ['lambda', { kind: 'delta' }],
      ['jsonParser', { kind: 'snapshot' }],
    ]);
    const snapshotRuns = new Set(starts.filter((e) => e.name !== 'lambda').map((e) => e.runId));
    for (const runId of snapshotRuns) {
      const chunks = events.filter((e) => e.type === 'chunk' && e.runId === runId).map((e) => e.data as { patch: PatchOperation[] });
      expect(chunks.length).toBeGreaterThan(10);
      expect(chunks.every((data) => Object.keys(data).join() === 'patch')).toBe(true);
      expect(chunks[0]!.patch[0]).toMatchObject({ op: 'add', path: '' });
      expect(chunks.slice(1).flatMap((data) => data.patch).some((op) => op.path === '')).toBe(false); // never the whole again
      expect(events.find((e) => e.type === 'end' && e.runId === runId)?.data).toEqual({ output: document });
    }
  });

  it('sends a keyed step’s snapshot keys as patches by pointer, paths inside the value, its other keys whole', async () => {
    const document = tripPlan(2);
    const chain = parallel({ plan: fakeRunnable(pieces(JSON.stringify(document), 9)).pipe(jsonParser()), text: fakeRunnable(['Hel', 'lo']) });
    const { events } = await streamEvents(chain);
    const root = events.find((e) => e.type === 'start' && e.name === 'parallel')!;
    expect(root.data).toMatchObject({ aggregate: { kind: 'keyed', keys: { plan: { kind: 'snapshot' }, text: { kind: 'delta' } } } });
    const chunks = events.filter((e) => e.type === 'chunk' && e.runId === root.runId).map((e) => e.data as Record<string, unknown>);
    expect(chunks.filter((data) => 'chunk' in data)).toEqual([{ chunk: { text: 'Hel' } }, { chunk: { text: 'lo' } }]);
    const patched = chunks.filter((data) => 'patches' in data) as { patches: Record<string, PatchOperation[]> }[];
    expect(patched.length).toBeGreaterThan(10);
    expect(patched.every((data) => Object.keys(data.patches).join() === '/plan')).toBe(true);
    expect(patched[0]!.patches['/plan']![0]).toMatchObject({ op: 'add', path: '' });
    expect(patched.flatMap((data) => data.patches['/plan']!).some((op) => op.path.startsWith('/plan'))).toBe(false);
  });

  it('sends bytes linear in the size of the document', async () => {
    const chunk = 16; // about four tokens of a model's output per event
    const small = tripPlan(100);
    const large = tripPlan(400);
    const jsonBytes = (d: object): number => JSON.stringify(d, null, 1).length;
    const a = await streamEvents(planChain(small, chunk));
    const b = await streamEvents(planChain(large, chunk));
    // Four times the document, at most four times the bytes (a wire resending each snapshot whole would be sixteen).
    expect(b.bytes / a.bytes).toBeLessThan(4.4);
    // About 21 times the JSON: each 16-character piece makes three events (the text piece, the parser's patch,
    // the sequence's patch), each with its SSE framing, type and run id (about 100 bytes).
    expect(b.bytes / jsonBytes(large)).toBeLessThan(24);
    expect(b.bytes / b.events.length).toBeLessThan(250);
    // Resending each snapshot whole, twice (parser and sequence), would cost hundreds of times more.
    const naive = 2 * (jsonBytes(large) / chunk) * (jsonBytes(large) / 2);
    expect(naive / b.bytes).toBeGreaterThan(100);
  });
});
