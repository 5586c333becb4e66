import { describe, expect, it, vi } from 'vitest';
import { Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { AbortError, InputError, lambda, ProviderError, Runnable, snapshot, type RetryOptions } from '@rivulet/core';
import { collect, fakeRunnable } from '@rivulet/core/testing';

/** A step that fails `failures` times (after emitting `before` on each failing attempt), then emits `ok`. */
function flaky(failures: number, { before = [] as string[], error = (): unknown => new Error('flaky') } = {}) {
  let attempts = 0;
  const step = Runnable.from<string, string>({
    name: 'flaky',
    aggregation: snapshot(),
    doStream: () =>
      new Observable<string>((subscriber) => {
        attempts++;
        if (attempts <= failures) {
          for (const chunk of before) subscriber.next(chunk);
          subscriber.error(error());
        } else {
          subscriber.next('ok');
          subscriber.complete();
        }
      }),
  });
  return { step, attempts: () => attempts };
}

const noJitter: RetryOptions = { jitter: false, initialDelayMs: 10 };

describe('withRetry', () => {
  it('retries with exponential backoff, in virtual time', () => {
    new TestScheduler((actual, expected) => expect(actual).toEqual(expected)).run(({ expectObservable }) => {
      const { step } = flaky(2);
      // Attempt 1 fails at 0, waits 10; attempt 2 fails at 10, waits 20; attempt 3 succeeds at 30.
      expectObservable(step.withRetry({ ...noJitter, maxAttempts: 3 }).stream('x')).toBe('30ms (a|)', { a: 'ok' });
    });
  });

  it('gives up after maxAttempts with the last error', async () => {
    const { step, attempts } = flaky(5, { error: () => new Error('still failing') });
    await expect(step.withRetry({ ...noJitter, initialDelayMs: 1, maxAttempts: 3 }).invoke('x')).rejects.toThrow('still failing');
    expect(attempts()).toBe(3);
  });

  it('never retries after a chunk went downstream, so nothing is emitted twice', async () => {
    const { step, attempts } = flaky(1, { before: ['partial'] });
    const chunks: string[] = [];
    await expect(
      (async () => {
        for await (const chunk of step.withRetry({ ...noJitter, initialDelayMs: 1 }).stream('x')) chunks.push(chunk);
      })(),
    ).rejects.toThrow('flaky');
    expect(chunks).toEqual(['partial']);
    expect(attempts()).toBe(1);
  });

  it('does not retry errors that cannot succeed: abort, bad input, non-retryable provider errors', async () => {
    for (const error of [new AbortError(), new InputError('missing {x}'), new ProviderError('unauthorized', { provider: 'p', status: 401 })]) {
      const { step, attempts } = flaky(1, { error: () => error });
      await expect(step.withRetry({ ...noJitter, initialDelayMs: 1 }).invoke('x')).rejects.toBe(error);
      expect(attempts()).toBe(1);
    }
  });

  it('honours retryOn', async () => {
    const { step, attempts } = flaky(1);
    await expect(step.withRetry({ retryOn: () => false }).invoke('x')).rejects.toThrow('flaky');
    expect(attempts()).toBe(1);
  });

  it('waits at least what a provider asked for in Retry-After', () => {
    new TestScheduler((actual, expected) => expect(actual).toEqual(expected)).run(({ expectObservable }) => {
      const { step } = flaky(1, { error: () => new ProviderError('slow down', { provider: 'p', status: 429, retryAfterMs: 500 }) });
      expectObservable(step.withRetry(noJitter).stream('x')).toBe('500ms (a|)', { a: 'ok' });
    });
  });

  it('jitter draws each delay between half and all of the backoff', () => {
    // The draws are injected: 0 gives half the backoff, 0.5 three quarters, 1 all of it.
    const draws = [0, 0.5, 1];
    const random = vi.spyOn(Math, 'random').mockImplementation(() => draws.shift() ?? 0);
    const delays: number[] = [];
    try {
      new TestScheduler(() => undefined).run(({ flush }) => {
        const { step } = flaky(3);
        step.withRetry({ initialDelayMs: 100, maxAttempts: 4, onRetry: (_e, _n, delay) => delays.push(delay) }).stream('x').subscribe();
        flush();
      });
    } finally {
      random.mockRestore();
    }
    expect(delays).toEqual([50, 150, 400]);
  });

  it('runs the upstream of a retried step once, replaying its chunks to each attempt', async () => {
    const upstream = fakeRunnable(['a', 'b']);
    let attempts = 0;
    const downstream = lambda((text: string) => {
      if (++attempts < 3) throw new Error('again');
      return text.toUpperCase();
    }).withRetry({ ...noJitter, initialDelayMs: 1 });
    expect(await upstream.pipe(downstream).invoke('x')).toBe('AB');
    expect(upstream.inputs).toHaveLength(1);
  });
});

describe('withFallbacks', () => {
  it('tries the fallbacks in order when the primary fails before emitting', async () => {
    const primary = fakeRunnable<string>([], { error: new Error('primary down') });
    const second = fakeRunnable<string>([], { error: new Error('second down') });
    const third = fakeRunnable(['from third']);
    expect(await primary.withFallbacks([second, third]).invoke('x')).toBe('from third');
    expect(second.inputs).toEqual(['x']);
  });

  it('rethrows the first error when every one fails', async () => {
    const chain = fakeRunnable<string>([], { error: new Error('first') }).withFallbacks([fakeRunnable<string>([], { error: new Error('second') })]);
    await expect(chain.invoke('x')).rejects.toThrow('first');
  });

  it('does not fall back after chunks were emitted, nor on abort', async () => {
    const fallback = fakeRunnable(['fallback']);
    const midway = fakeRunnable(['partial'], { error: new Error('mid-stream') }).withFallbacks([fallback]);
    const { error } = await collect(midway.stream('x')).then(
      () => ({ error: undefined }),
      (e: unknown) => ({ error: e }),
    );
    expect(error).toEqual(new Error('mid-stream'));
    const aborted = fakeRunnable<string>([], { error: new AbortError() }).withFallbacks([fallback]);
    await expect(aborted.invoke('x')).rejects.toBeInstanceOf(AbortError);
    expect(fallback.inputs).toEqual([]);
  });
});
