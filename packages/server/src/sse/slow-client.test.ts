import { fakeRunnable } from '@rivulet/core/testing';
import { jsonParser, textParser } from '@rivulet/parsers';
import { applyPatch, type PatchOperation } from '@rivulet/parsers/patch';
import { parseSse, readAsItComes } from '@rivulet/test-kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHandler } from '../index.js';
import { pieces, tripPlan } from '../test-support/documents.js';
import { post } from '../test-support/sse-text.js';

async function readAll(response: Response): Promise<string> {
  return new TextDecoder().decode(await response.arrayBuffer());
}

afterEach(() => void vi.useRealTimers());

describe('a client that stops reading', () => {
  const document = tripPlan(600); // about 120 KB of JSON
  const text = JSON.stringify(document);

  it('makes snapshots coalesce on the server: the queue holds the latest, not the whole output', async () => {
    const run = fakeRunnable(pieces(text, 64));
    const handler = createHandler(run.pipe(jsonParser()));
    const stalled = await handler(post('http://localhost/stream', { input: null }));
    // The run finished while nobody read: everything it produced waits in the response.
    expect(run.active).toBe(0);
    const body = await readAll(stalled);
    const events = parseSse(body);
    let value: unknown;
    for (const event of events.filter((e) => e.event === 'patch')) value = applyPatch(value, JSON.parse(event.data) as PatchOperation[]);
    expect(value).toEqual(document);
    expect(events.at(-1)?.event).toBe('end');
    // Held: at most the 16 KB the body takes before items wait, plus one patch that stands for all the rest.
    expect(body.length).toBeLessThan(16 * 1024 + 2 * text.length);
    // A producer paced in virtual time, one timer a piece: the reader keeps up with every one.
    vi.useFakeTimers().setTimerTickMode('nextTimerAsync');
    const eager = await readAsItComes(await createHandler(fakeRunnable(pieces(text, 64), { delayMs: 1 }).pipe(jsonParser()))(post('http://localhost/stream', { input: null })));
    // A client that keeps up gets one patch per snapshot; the stalled one got one for all that waited.
    const patchCount = (sse: string): number => parseSse(sse).filter((e) => e.event === 'patch').length;
    expect(patchCount(eager)).toBeGreaterThan(2 * patchCount(body));
  });

  it('makes text deltas join, losing no character', async () => {
    const words = pieces('lorem ipsum dolor sit amet '.repeat(5_000), 3);
    const stalled = await createHandler(fakeRunnable(words).pipe(textParser()))(post('http://localhost/stream', { input: null }));
    const events = parseSse(await readAll(stalled));
    const joined = events.filter((e) => e.event === 'data').map((e) => JSON.parse(e.data) as string).join('');
    expect(joined).toBe(words.join(''));
    expect(events.filter((e) => e.event === 'data').length).toBeLessThan(words.length / 10);
  });
});
