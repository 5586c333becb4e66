// @vitest-environment happy-dom
import nodeConsole from 'node:console';
import { act, cleanup, render, renderHook } from '@testing-library/react';
import { memo, StrictMode, useEffect, type ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { deferred } from '@rivulet/test-kit';
import { RemoteError, useRunnable, type PartialValue } from './index.js';
import type { messagesChain, planChain, wordsChain } from './test-support/chains.js';
import { installManualFrames, type ManualFrames } from './test-support/manual-frames.js';
import { samplePlan, type Plan } from './test-support/plan.js';
import { startTestServer, type TestServer } from './test-support/start-test-server.js';
import { advanceUntil } from './test-support/wait.js';

let server: TestServer;
let frames: ManualFrames;

beforeAll(async () => {
  server = await startTestServer();
  // The page is served by the same origin as the chains, as an app's page would be.
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`${server.origin}/`);
}, 60_000);
afterAll(() => server?.close());
beforeEach(() => void (frames = installManualFrames()));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

// happy-dom logs failed requests as a browser's devtools would, on the console
// it was created with: Node's own, not the one vitest swaps in for each test.
const silenceDevtoolsConsole = () => vi.spyOn(nodeConsole, 'error').mockImplementation(() => undefined);

const cancelledPlans = async (): Promise<number> => (await server.counts('plan')).cancelled;

describe('useRunnable over HTTP', () => {
  it('streams a structured value into the component and ends done with the output', async () => {
    const finished = deferred<Plan>();
    const { result } = renderHook(() => useRunnable<typeof planChain>('/api/plan', { onFinish: finished.resolve }));
    expect(result.current).toMatchObject({ status: 'idle', value: undefined, error: undefined });
    const statuses: string[] = [];
    act(() => result.current.run({ days: 3, pieceSize: 12, delayMs: 1 }));
    await advanceUntil(frames, () => (statuses.push(result.current.status), result.current.status === 'done'), 'the end of the run');
    expect(new Set(statuses)).toEqual(new Set(['streaming', 'done']));
    expect(result.current.value).toEqual(samplePlan(3));
    expect(await finished.promise).toEqual(samplePlan(3));
    expect(result.current.error).toBeUndefined();
  });

  it('renders once per frame however many chunks arrived in it', async () => {
    const finished = deferred<Plan>();
    let renders = 0;
    const { result } = renderHook(() => {
      renders++;
      return useRunnable<typeof planChain>('/api/plan', { onFinish: finished.resolve });
    });
    act(() => result.current.run({ days: 20, pieceSize: 4 }));
    expect(renders).toBe(2); // mounted, then `run` said streaming
    await finished.promise; // every chunk of the run has arrived, and no frame has run yet
    expect(renders).toBe(2);
    expect(result.current.value).toBeUndefined();
    expect(frames.pending).toBe(1);
    act(() => frames.flush());
    expect(renders).toBe(3);
    expect(result.current).toMatchObject({ status: 'done', value: samplePlan(20) });
  });

  it('keeps the identity of unchanged subtrees: a memoised day renders only when its day changed', async () => {
    const dayRenders = new Map<number, number>();
    const dayObjects = new Map<number, Set<unknown>>();
    let hostRenders = 0;
    const Day = memo(function Day({ index, day }: { index: number; day: PartialValue<Plan['days'][number]> }): ReactNode {
      dayRenders.set(index, (dayRenders.get(index) ?? 0) + 1);
      return <li>{day.title}</li>;
    });
    let start: () => void = () => undefined;
    let status = '';
    function Planner(): ReactNode {
      const plan = useRunnable<typeof planChain>('/api/plan');
      hostRenders++;
      status = plan.status;
      start = () => plan.run({ days: 4, pieceSize: 6, delayMs: 2 });
      plan.value?.days?.forEach((day, i) => (dayObjects.get(i) ?? dayObjects.set(i, new Set()).get(i)!).add(day));
      return <ol>{plan.value?.days?.map((day, i) => <Day key={i} index={i} day={day} />)}</ol>;
    }
    render(<Planner />);
    act(() => start());
    await advanceUntil(frames, () => status === 'done', 'the end of the run');
    expect([...dayRenders.keys()]).toEqual([0, 1, 2, 3]);
    for (const [index, count] of dayRenders) expect(count, `renders of day ${index}`).toBe(dayObjects.get(index)!.size);
    // The first day was finished early: it stopped rendering while the host went on.
    expect(dayRenders.get(0)! * 2).toBeLessThan(hostRenders);
  });

  it('stop() cancels the run on the server and keeps the value so far', async () => {
    const before = await cancelledPlans();
    const { result } = renderHook(() => useRunnable<typeof planChain>('/api/plan'));
    act(() => result.current.run({ days: 40, pieceSize: 4, delayMs: 10 }));
    await advanceUntil(frames, () => (result.current.value?.days?.length ?? 0) >= 1, 'a first day');
    act(() => result.current.stop());
    expect(result.current.status).toBe('stopped');
    expect(result.current.value?.title).toBe('40 days by the river');
    await expect.poll(cancelledPlans).toBe(before + 1);
    const stopped = result.current;
    expect(frames.pending).toBe(0);
    act(() => result.current.stop()); // a second stop changes nothing
    expect(result.current).toBe(stopped);
  });

  it('unmounting cancels the run on the server', async () => {
    const before = await cancelledPlans();
    const { result, unmount } = renderHook(() => useRunnable<typeof planChain>('/api/plan'));
    act(() => result.current.run({ days: 40, pieceSize: 4, delayMs: 10 }));
    await advanceUntil(frames, () => result.current.value !== undefined, 'a first snapshot');
    unmount();
    await expect.poll(cancelledPlans).toBe(before + 1);
  });

  it('run() during a run replaces it: the first is cancelled on the server, the value is the second’s', async () => {
    const before = await cancelledPlans();
    const outputs: Plan[] = [];
    const { result } = renderHook(() => useRunnable<typeof planChain>('/api/plan', { onFinish: (plan) => outputs.push(plan) }));
    act(() => result.current.run({ days: 40, pieceSize: 4, delayMs: 10 }));
    await advanceUntil(frames, () => (result.current.value?.days?.length ?? 0) >= 1, 'a first day');
    act(() => result.current.run({ days: 2, pieceSize: 16 }));
    expect(result.current).toMatchObject({ status: 'streaming', value: undefined });
    await advanceUntil(frames, () => result.current.status === 'done', 'the end of the second run');
    expect(result.current.value).toEqual(samplePlan(2));
    expect(outputs).toEqual([samplePlan(2)]);
    await expect.poll(cancelledPlans).toBe(before + 1);
  });

  it('survives StrictMode’s double mount: a run started in an effect is restarted once and finishes', async () => {
    const outputs: Plan[] = [];
    let status = '';
    function AutoPlan(): ReactNode {
      const { run, value, status: now } = useRunnable<typeof planChain>('/api/plan', { onFinish: (plan) => outputs.push(plan) });
      status = now;
      useEffect(() => run({ days: 2, pieceSize: 16 }), [run]);
      return <h1>{value?.title}</h1>;
    }
    const { container } = render(
      <StrictMode>
        <AutoPlan />
      </StrictMode>,
    );
    await advanceUntil(frames, () => status === 'done', 'the end of the run');
    expect(outputs).toEqual([samplePlan(2)]);
    expect(container.textContent).toBe('2 days by the river');
  });

  it('joins text deltas', async () => {
    const { result } = renderHook(() => useRunnable<typeof wordsChain>('/api/words'));
    act(() => result.current.run({ count: 300 }));
    await advanceUntil(frames, () => result.current.status === 'done', 'the end of the run');
    expect(result.current.value).toBe(Array.from({ length: 300 }, (_, i) => `word${i} `).join(''));
  });

  it('uses the given fetch and headers', async () => {
    const calls: { url: string; auth: string | null }[] = [];
    const tracing: typeof fetch = (input, init) => {
      calls.push({ url: String(input), auth: new Headers(init?.headers).get('authorization') });
      return fetch(input, init);
    };
    const { result } = renderHook(() => useRunnable<typeof wordsChain>('/api/words', { fetch: tracing, headers: () => ({ authorization: 'Bearer t0ken' }) }));
    act(() => result.current.run({ count: 3 }));
    await advanceUntil(frames, () => result.current.status === 'done', 'the end of the run');
    expect(calls).toEqual([{ url: '/api/words/stream', auth: 'Bearer t0ken' }]);
  });
});

describe('useRunnable errors', () => {
  it('an input the server refuses: status error, the server’s InputError, reported once', async () => {
    const logged = silenceDevtoolsConsole();
    const onError = vi.fn();
    const { result } = renderHook(() => useRunnable<typeof planChain>('/api/plan', { onError }));
    act(() => result.current.run({ days: 0 }));
    await advanceUntil(frames, () => result.current.status === 'error', 'the error');
    const { error } = result.current;
    expect(RemoteError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ name: 'InputError', status: 400 });
    expect(onError).toHaveBeenCalledExactlyOnceWith(error);
    expect(logged.mock.calls.map((args) => args.join(' '))).toEqual([expect.stringMatching(/^POST http:\/\/127\.0\.0\.1:\d+\/api\/plan\/stream 400 \(Bad Request\)$/)]);
  });

  it('a run failing mid-stream keeps the value so far and reports the server’s error', async () => {
    const { result } = renderHook(() => useRunnable<typeof planChain>('/api/plan'));
    act(() => result.current.run({ days: 3, pieceSize: 10, failAfter: 12 }));
    await advanceUntil(frames, () => result.current.status === 'error', 'the error');
    expect(result.current.error).toMatchObject({ name: 'ProviderError', message: 'The model went away.' });
    expect(result.current.value?.title).toBe('3 days by the river');
  });

  it('a server that cannot be reached is a ProviderError', async () => {
    const logged = silenceDevtoolsConsole();
    const { result } = renderHook(() => useRunnable<typeof planChain>('http://127.0.0.1:9/api/plan'));
    act(() => result.current.run({ days: 1 }));
    await advanceUntil(frames, () => result.current.status === 'error', 'the error');
    expect(result.current.error).toMatchObject({ name: 'ProviderError', message: expect.stringContaining('could not be reached') });
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ code: 'ECONNREFUSED' }));
  });

  it('a stream it cannot fold (model message chunks) is an InputError saying what to serve, and the server run is cancelled', async () => {
    const { result } = renderHook(() => useRunnable<typeof messagesChain>('/api/messages'));
    act(() => result.current.run('hello'));
    await advanceUntil(frames, () => result.current.status === 'error', 'the error');
    expect(result.current.error).toMatchObject({ name: 'InputError', message: expect.stringContaining('textParser()') });
    await expect.poll(async () => (await server.counts('messages')).cancelled).toBe(1);
  });
});
