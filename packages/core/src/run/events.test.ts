import { describe, expect, it, vi } from 'vitest';
import { lambda, parallel, pick, type RunContext, type RunEvent } from '@rivulet/core';
import { collect, eventTrace, fakeRunnable } from '@rivulet/core/testing';

describe('streamEvents', () => {
  const chain = lambda((topic: string) => `about ${topic}`, { name: 'prompt' })
    .pipe(fakeRunnable(['Hel', 'lo'], { name: 'model' }))
    .pipe(lambda((text: string) => text.length, { name: 'parser' }));

  it('reports every nested step in causal order', async () => {
    const events = await collect(chain.streamEvents('rivers'));
    // A step fed by a stream starts when its first input chunk arrives, which
    // can be before the step feeding it ends.
    expect(eventTrace(events, ['start', 'chunk', 'end'])).toEqual([
      'start:sequence',
      'start:prompt',
      'chunk:prompt',
      'start:model',
      'end:prompt',
      'chunk:model',
      'start:parser',
      'chunk:model',
      'end:model',
      'chunk:parser',
      'chunk:sequence',
      'end:parser',
      'end:sequence',
    ]);
    const chunks = events.filter((e) => e.type === 'chunk' && e.name === 'model').map((e) => (e.type === 'chunk' ? e.data.chunk : null));
    expect(chunks).toEqual(['Hel', 'lo']);
  });

  it('links children to parents by run id and carries aggregated outputs', async () => {
    const events = await collect(chain.streamEvents('rivers'));
    const root = events.find((e) => e.type === 'start' && e.name === 'sequence')!;
    expect(root.parentRunId).toBeUndefined();
    expect(root.data).toEqual({ input: 'rivers', aggregate: { kind: 'delta' } });
    for (const name of ['prompt', 'model', 'parser']) {
      expect(events.find((e) => e.name === name)!.parentRunId).toBe(root.runId);
    }
    const ends = Object.fromEntries(events.filter((e) => e.type === 'end').map((e) => [e.name, e.type === 'end' ? e.data.output : null]));
    expect(ends).toEqual({ prompt: 'about rivers', model: 'Hello', parser: 5, sequence: 5 });
    expect(new Set(events.map((e) => e.runId)).size).toBe(4);
  });

  it('propagates tags and metadata to every nested step; runName renames the root', async () => {
    const events = await collect(chain.streamEvents('x', { tags: ['t1'], metadata: { user: 'u1' }, runName: 'joke' }));
    expect(events.every((e) => e.tags.includes('t1') && e.metadata['user'] === 'u1')).toBe(true);
    expect(events[0]!.name).toBe('joke');
  });

  it('says at each start how the step’s chunks aggregate, derived rules resolved against the input’s', async () => {
    const snapshots = lambda(async function* (text: string) {
      yield { text: text.slice(0, 1) };
      yield { text };
    }, { name: 'snapshots', aggregate: 'snapshot' });
    const keyedChain = lambda((x: string) => x, { name: 'first' }).pipe(parallel({ plan: snapshots, words: fakeRunnable(['a', 'b'], { name: 'words' }) })).pipe(pick('plan'));
    const events = await collect(keyedChain.streamEvents('hi'));
    const aggregates = Object.fromEntries(events.filter((e) => e.type === 'start').map((e) => [e.name, e.data.aggregate]));
    const planRule = { kind: 'keyed', keys: { plan: { kind: 'snapshot' } } };
    expect(aggregates).toEqual({
      sequence: planRule,
      first: { kind: 'delta' },
      parallel: { kind: 'keyed', keys: { plan: { kind: 'snapshot' }, words: { kind: 'delta' } } },
      snapshots: { kind: 'snapshot' },
      words: { kind: 'delta' },
      pick: planRule, // derived from its input, the parallel's
    });
    // The rule is what the step folds by: its end is the fold of its chunks.
    expect(events.find((e) => e.type === 'end' && e.name === 'pick')?.data).toEqual({ output: { plan: { text: 'hi' } } });
  });

  it('reports errors, then fails the stream', async () => {
    const failing = lambda((x: string) => x, { name: 'ok' }).pipe(fakeRunnable(['a'], { name: 'bad', error: new Error('boom') }));
    const seen: RunEvent[] = [];
    await expect(
      (async () => {
        for await (const event of failing.streamEvents('x')) seen.push(event);
      })(),
    ).rejects.toThrow('boom');
    expect(eventTrace(seen)).toEqual(['start:sequence', 'start:ok', 'start:bad', 'end:ok', 'error:bad', 'error:sequence']);
  });

  it('nests the events of an invoke made inside a step through its context', async () => {
    const inner = lambda((x: string) => x.toUpperCase(), { name: 'inner' });
    const outer = lambda((x: string, ctx: RunContext) => inner.invoke(x, ctx), { name: 'outer' });
    const events = await collect(outer.streamEvents('x'));
    const outerStart = events.find((e) => e.name === 'outer')!;
    expect(events.find((e) => e.name === 'inner')!.parentRunId).toBe(outerStart.runId);
    expect(eventTrace(events)).toEqual(['start:outer', 'start:inner', 'end:inner', 'end:outer']);
  });
});

describe('callbacks', () => {
  it('receive every event of the run and nested steps; a throwing handler does not break the run', async () => {
    const seen: string[] = [];
    const reported = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const chain = lambda((x: number) => x + 1, { name: 'inc' }).pipe(lambda((x: number) => x * 2, { name: 'double' }));
    const result = await chain.invoke(1, {
      callbacks: [
        { onStart: (e) => seen.push(`start:${e.name}`), onEnd: (e) => seen.push(`end:${e.name}`) },
        {
          onEvent: () => {
            throw new Error('handler bug');
          },
        },
      ],
    });
    expect(result).toBe(4);
    expect(seen).toEqual(['start:sequence', 'start:inc', 'start:double', 'end:inc', 'end:double', 'end:sequence']);
    // Each failure of the handler is reported once, naming the event and the step, with the error.
    const lines = reported.mock.calls.map(([message, error]) => `${String(message)} ${String(error)}`);
    reported.mockRestore();
    expect(lines).toHaveLength(9);
    expect(lines).toContain('[rivulet] a start callback for "sequence" threw: Error: handler bug');
    expect(lines).toContain('[rivulet] a end callback for "double" threw: Error: handler bug');
  });

  it('withConfig attaches callbacks, tags and configurable to a subtree only', async () => {
    const seen: RunEvent[] = [];
    let configurable: unknown;
    const inner = lambda((x: number, ctx: RunContext) => ((configurable = ctx.configurable), x), { name: 'inner' }).withConfig({
      tags: ['inner-tag'],
      configurable: { model: 'small' },
      callbacks: { onEvent: (e) => seen.push(e) },
    });
    const chain = lambda((x: number) => x, { name: 'first' }).pipe(inner);
    const all = await collect(chain.streamEvents(1, { configurable: { model: 'big', temperature: 0 } }));
    expect(configurable).toEqual({ model: 'small', temperature: 0 });
    expect(eventTrace(seen)).toEqual(['start:inner', 'end:inner']);
    expect(all.find((e) => e.name === 'first')!.tags).toEqual([]);
    expect(all.find((e) => e.name === 'inner')!.tags).toEqual(['inner-tag']);
  });
});
