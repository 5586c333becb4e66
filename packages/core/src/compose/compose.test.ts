import { sleep } from '@rivulet/test-kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Observable, of } from 'rxjs';
import { assign, branch, lambda, parallel, passthrough, pick, Runnable, sequence, type RunContext } from '@rivulet/core';
import { collect, fakeRunnable } from '@rivulet/core/testing';

afterEach(() => void vi.useRealTimers());

describe('lambda', () => {
  it('accepts plain, async, generator and observable-returning functions', async () => {
    expect(await lambda((x: number) => x + 1).invoke(1)).toBe(2);
    expect(await lambda(async (x: number) => x * 2).invoke(2)).toBe(4);
    const gen = lambda(async function* (text: string) {
      for (const word of text.split(' ')) yield word;
    });
    expect(await collect(gen.stream('a b c'))).toEqual(['a', 'b', 'c']);
    expect(await gen.invoke('a b c')).toBe('abc');
    const obs = lambda((n: number) => of(n, n + 1, n + 2), { aggregate: 'snapshot' });
    expect(await collect(obs.stream(1))).toEqual([1, 2, 3]);
    expect(await obs.invoke(1)).toBe(3);
  });

  it('receives the whole input, aggregated from a streaming upstream', async () => {
    const seen: string[] = [];
    const chain = fakeRunnable(['Hel', 'lo']).pipe((text: string) => (seen.push(text), text.length));
    expect(await chain.invoke('x')).toBe(5);
    expect(seen).toEqual(['Hello']);
  });

  it('gets a context with a signal that aborts when the step is cancelled', async () => {
    let signal: AbortSignal | undefined;
    const slow = lambda(async (_: string, ctx: RunContext) => {
      signal = ctx.signal;
      await sleep(50, ctx.signal);
      return 'late';
    });
    const subscription = slow.stream('x').subscribe();
    await Promise.resolve();
    expect(signal?.aborted).toBe(false);
    subscription.unsubscribe();
    expect(signal?.aborted).toBe(true);
  });

  it('fails with InputError naming the step when the upstream produced nothing', async () => {
    const chain = fakeRunnable<string>([]).pipe(lambda((s: string) => s, { name: 'needsInput' }));
    await expect(chain.invoke('x')).rejects.toMatchObject({ name: 'InputError', message: expect.stringContaining('"needsInput"') });
  });
});

describe('sequence and pipe', () => {
  it('streams chunk by chunk through streaming steps without buffering', async () => {
    const upstream = new Observable<string>((subscriber) => {
      subscriber.next('a');
      // The downstream step must see 'a' before the upstream goes on.
      expect(received).toEqual(['A']);
      subscriber.next('b');
      subscriber.complete();
    });
    const received: string[] = [];
    const source = lambda(() => upstream);
    const upper = Runnable.from<string, string>({
      name: 'upper',
      aggregation: (input) => input,
      doStream: (input) =>
        new Observable((subscriber) =>
          input.chunks.subscribe({
            next: (chunk) => (received.push(chunk.toUpperCase()), subscriber.next(chunk.toUpperCase())),
            error: (e: unknown) => subscriber.error(e),
            complete: () => subscriber.complete(),
          }),
        ),
    });
    expect(await collect(source.pipe(upper).stream(null))).toEqual(['A', 'B']);
  });

  it('sequence(...) equals chained pipes, and nested sequences flatten', async () => {
    const chain = sequence(
      (x: number) => x + 1,
      (x: number) => x * 10,
      (x: number) => `${x}`,
    );
    expect(await chain.invoke(1)).toBe('20');
    const piped = lambda((x: number) => x + 1).pipe((x) => x * 10).pipe((x) => `${x}`);
    expect(await piped.invoke(1)).toBe('20');
    const names = (await collect(piped.streamEvents(1))).filter((e) => e.type === 'start').map((e) => e.name);
    expect(names).toHaveLength(4);
  });

  it('a passthrough after a delta stream keeps the delta aggregation', async () => {
    expect(await fakeRunnable(['a', 'b']).pipe(passthrough<string>()).invoke('x')).toBe('ab');
    const snapshots = fakeRunnable([{ a: 1 }, { a: 2 }], { aggregate: 'snapshot' }).pipe(passthrough());
    expect(await snapshots.invoke('x')).toEqual({ a: 2 });
  });
});

describe('parallel, assign, pick', () => {
  it('parallel streams keyed chunks as they arrive and invoke merges them per key', async () => {
    vi.useFakeTimers().setTimerTickMode('nextTimerAsync');
    const both = parallel({
      text: fakeRunnable(['a', 'b', 'c'], { delayMs: 2 }),
      length: (input: string) => input.length,
    });
    const chunks = await collect(both.stream('four'));
    expect(chunks).toContainEqual({ length: 4 });
    expect(chunks.filter((c) => 'text' in c)).toEqual([{ text: 'a' }, { text: 'b' }, { text: 'c' }]);
    expect(await both.invoke('four')).toEqual({ text: 'abc', length: 4 });
  });

  it('runs a streamed input through every branch once, sharing upstream', async () => {
    const upstream = fakeRunnable(['x', 'y']);
    const chain = upstream.pipe({ copy: passthrough<string>(), size: (s: string) => s.length });
    expect(await chain.invoke('in')).toEqual({ copy: 'xy', size: 2 });
    expect(upstream.inputs).toEqual(['in']);
  });

  it('object maps are accepted where runnables are, and keys like __proto__ stay plain data', async () => {
    const chain = lambda((x: number) => x).pipe({ ['__proto__']: (x: number) => x + 1, plain: (x: number) => x } as Record<
      string,
      (x: number) => number
    >);
    const result = (await chain.invoke(1)) as Record<string, unknown>;
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.hasOwn(result, 'plain')).toBe(true);
  });

  it('assign adds keys to the input object', async () => {
    const chain = assign({ length: (x: { text: string }) => x.text.length, upper: (x: { text: string }) => x.text.toUpperCase() });
    expect(await chain.invoke({ text: 'abc' })).toEqual({ text: 'abc', length: 3, upper: 'ABC' });
  });

  it('pick keeps some keys, also of keyed chunks while they stream', async () => {
    const chain = parallel({ a: fakeRunnable(['1', '2']), b: fakeRunnable(['x']) }).pipe(pick('a'));
    expect(await chain.invoke('in')).toEqual({ a: '12' });
    expect((await collect(chain.stream('in'))).filter((c) => Object.keys(c).length > 0)).toEqual([{ a: '1' }, { a: '2' }]);
  });
});

describe('branch', () => {
  const route = branch<string, string>(
    [(q) => q.startsWith('code'), (q) => `code:${q}`],
    [async (q) => q.startsWith('math'), fakeRunnable(['math', '!'])],
    (q) => `general:${q}`,
  );

  it('runs the first case whose condition holds, else the fallback', async () => {
    expect(await route.invoke('code it')).toBe('code:code it');
    expect(await route.invoke('math it')).toBe('math!');
    expect(await route.invoke('hello')).toBe('general:hello');
  });

  it('refuses branches that aggregate differently', () => {
    expect(() => branch<string, string>([() => true, fakeRunnable(['a'], { aggregate: 'snapshot' })], fakeRunnable(['b']))).toThrow(
      /aggregate the same way/,
    );
  });
});
