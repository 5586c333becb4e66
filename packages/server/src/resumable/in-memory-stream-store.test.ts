import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InMemoryStreamStore } from './in-memory-stream-store.js';
import type { StoredStreamEvent, StreamStore } from './stream-store.js';

async function readAll(store: StreamStore, runId: string, after?: number): Promise<(readonly StoredStreamEvent[])[]> {
  const batches: (readonly StoredStreamEvent[])[] = [];
  for await (const batch of store.read(runId, { after })) batches.push(batch);
  return batches;
}

describe('InMemoryStreamStore', () => {
  it('numbers events 1, 2, 3 per run, in order of appends', async () => {
    const store = new InMemoryStreamStore();
    await store.create('a', 'meta-a');
    await store.create('b', 'meta-b');
    expect(await store.append('a', ['x', 'y'])).toEqual([1, 2]);
    expect(await store.append('b', ['z'])).toEqual([1]);
    expect(await store.append('a', ['w'])).toEqual([3]);
    expect(await store.get('a')).toEqual({ metadata: 'meta-a', status: 'running', lastEventId: 3, stopRequested: false });
  });

  it('refuses a second run with the same id, and appends to a run that is not running', async () => {
    const store = new InMemoryStreamStore();
    await store.create('a', 'm');
    await expect(store.create('a', 'm')).rejects.toMatchObject({ name: 'InputError' });
    await expect(store.create('', 'm')).rejects.toMatchObject({ name: 'InputError' });
    await store.finish('a');
    await expect(store.append('a', ['late'])).rejects.toMatchObject({ name: 'InputError' });
    await expect(store.append('nope', ['x'])).rejects.toMatchObject({ name: 'InputError' });
    await store.finish('nope'); // nothing to do
  });

  it('reads the catch-up first (even empty), then each append as it lands, and ends after the last event of a finished run', async () => {
    const store = new InMemoryStreamStore();
    await store.create('r', 'm');
    await store.append('r', ['1', '2']);
    const iterator = store.read('r', { after: 1 })[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toEqual([{ id: 2, data: '2' }]);
    const pending = iterator.next();
    await store.append('r', ['3']);
    expect((await pending).value).toEqual([{ id: 3, data: '3' }]);
    // Appended and finished while the reader was busy: the last events still come before the end.
    await store.append('r', ['4', '5']);
    await store.finish('r');
    expect((await iterator.next()).value).toEqual([
      { id: 4, data: '4' },
      { id: 5, data: '5' },
    ]);
    expect((await iterator.next()).done).toBe(true);
    expect(await readAll(store, 'r', 5)).toEqual([[]]);
    expect(await readAll(store, 'unknown')).toEqual([]);
  });

  it('stops a reader with AbortError when its signal aborts, and keeps no listener', async () => {
    const store = new InMemoryStreamStore();
    await store.create('r', 'm');
    const controller = new AbortController();
    const iterator = store.read('r', { signal: controller.signal })[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toEqual([]);
    const pending = iterator.next();
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await expect(store.read('r', { after: -1 })[Symbol.asyncIterator]().next()).rejects.toMatchObject({ name: 'InputError' });
  });

  it('tells the running process about a stop, asked before or after it waits; not once the run ended', async () => {
    const store = new InMemoryStreamStore();
    await store.create('r', 'm');
    const running = new AbortController();
    const waiting = store.waitForStop('r', running.signal);
    expect(await store.requestStop('r')).toBe(true);
    expect(await waiting).toBe(true);
    expect(await store.waitForStop('r', new AbortController().signal)).toBe(true); // asked already
    expect((await store.get('r'))?.stopRequested).toBe(true);

    await store.create('s', 'm');
    const ended = new AbortController();
    const pending = store.waitForStop('s', ended.signal);
    ended.abort();
    expect(await pending).toBe(false);
    await store.finish('s');
    expect(await store.requestStop('s')).toBe(false);
    expect(await store.requestStop('unknown')).toBe(false);
  });

  describe('expiry (virtual time)', () => {
    beforeEach(() => void vi.useFakeTimers());
    afterEach(() => void vi.useRealTimers());

    it('forgets a finished run finishedTtlMs after it finished, and ends its readers', async () => {
      const store = new InMemoryStreamStore({ finishedTtlMs: 60_000 });
      await store.create('r', 'm');
      await store.append('r', ['x']);
      await store.finish('r');
      await vi.advanceTimersByTimeAsync(59_999);
      expect((await store.get('r'))?.status).toBe('finished');
      await vi.advanceTimersByTimeAsync(1);
      expect(await store.get('r')).toBeUndefined();
      expect(await readAll(store, 'r')).toEqual([]);
    });

    it('keeps a running run idleTtlMs after its last append, then lets it go and ends its readers', async () => {
      const store = new InMemoryStreamStore({ idleTtlMs: 10_000 });
      await store.create('r', 'm');
      const batches = readAll(store, 'r');
      await vi.advanceTimersByTimeAsync(9_000);
      await store.append('r', ['x']); // pushes the expiry back
      await vi.advanceTimersByTimeAsync(9_000);
      expect((await store.get('r'))?.lastEventId).toBe(1);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(await store.get('r')).toBeUndefined();
      expect(await batches).toEqual([[], [{ id: 1, data: 'x' }]]);
      expect(vi.getTimerCount()).toBe(0);
    });

    it('rejects expiry times that are not positive', () => {
      expect(() => new InMemoryStreamStore({ finishedTtlMs: 0 })).toThrow(TypeError);
      expect(() => new InMemoryStreamStore({ idleTtlMs: Number.NaN })).toThrow(TypeError);
    });
  });
});
