import { ProviderError, RivuletError, type RunEvent } from '@rivulet/core';
import { settle } from '@rivulet/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RemoteRunnable } from '@rivulet/server';
import { captureConsole, type ConsoleCapture, inPool, type ProcessWatch, settleWithin, watchProcess } from '@rivulet/test-kit';
import type { DeepPartial } from '@rivulet/parsers';
import { startStack, stressApiKey, type Stack } from './e2e-stack.js';
import { faultCases, faultModelOptions, type FaultCase } from './fault-cases.js';
import { faultScript } from './fault-script.js';
import { inputFor, planSchema, type Plan, type PlanInput } from './run-script.js';
import { leaksOf } from './secret-scan.js';

/** A client's own credential for the Rivulet server: it must not show in errors or inspected runnables either. */
const clientToken = 'rvl-client-token-7a6b5c4d-SECRET';

/** The ways a run's results reach someone: in-process, through RemoteRunnable, and raw HTTP on every route. */
const paths = ['chain.invoke', 'chain.streamEvents', 'remote.invoke', 'remote.stream', 'remote.streamRemoteEvents', 'POST invoke', 'POST stream', 'POST stream_events', 'POST batch'] as const;
type Path = (typeof paths)[number];

const caseOf = (id: number): FaultCase => faultCases[id % 1000] as FaultCase;

describe('security: API keys never leave the server', () => {
  let stack: Stack;
  let remote: RemoteRunnable<PlanInput, Plan, DeepPartial<Plan>>;
  let logs: ConsoleCapture;
  let watch: ProcessWatch;

  beforeAll(async () => {
    watch = watchProcess();
    logs = captureConsole();
    // Every fault case, with the key echoed wherever a provider or proxy might echo it.
    stack = await startStack({ script: faultScript(caseOf, stressApiKey).script, model: { ...faultModelOptions, idleTimeout: 3_000 } });
    remote = new RemoteRunnable<PlanInput, Plan, DeepPartial<Plan>>({ url: stack.url, aggregate: { kind: 'snapshot' }, headers: { authorization: `Bearer ${clientToken}` } });
  });

  afterAll(async () => {
    logs.restore();
    await stack.close();
    watch.stop();
  });

  /** Runs fault case `index` along `path`; resolves with everything the caller got to see. */
  async function exposure(path: Path, index: number): Promise<unknown> {
    const id = paths.indexOf(path) * 1000 + index;
    const input = inputFor(id);
    const post = async (route: string, body: unknown): Promise<string> => {
      const response = await fetch(`${stack.url}/${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return `${response.status} ${JSON.stringify([...response.headers])} ${await response.text()}`;
    };
    switch (path) {
      case 'chain.invoke':
        return stack.chain.invoke(input).catch((error: unknown) => error);
      case 'chain.streamEvents':
        return settle(stack.chain.streamEvents(input));
      case 'remote.invoke':
        return remote.invoke(input).catch((error: unknown) => error);
      case 'remote.stream':
        return settle(remote.stream(input));
      case 'remote.streamRemoteEvents':
        return settle(remote.streamRemoteEvents(input));
      case 'POST invoke':
        return post('invoke', { input });
      case 'POST stream':
        return post('stream', { input });
      case 'POST stream_events':
        return post('stream_events', { input });
      case 'POST batch':
        return post('batch', { inputs: [input] });
    }
  }

  it(`in no output, error or event of any of ${faultCases.length} fault kinds, along ${paths.length} paths`, { timeout: 60_000 }, async () => {
    const jobs = paths.flatMap((path) => faultCases.map((_, index) => ({ path, index })));
    const results = await inPool(jobs.length, 40, (j) => settleWithin(exposure(jobs[j]!.path, jobs[j]!.index), 30_000));
    const leaks = results.flatMap((settled, j) => {
      const { path, index } = jobs[j]!;
      const where = `${path} × ${faultCases[index]?.name}`;
      if (settled.state !== 'resolved') return [`${where}: ${settled.state}`];
      return [...leaksOf(settled.value, stressApiKey), ...leaksOf(settled.value, clientToken)].map((text) => `${where}: ${text.slice(0, 300)}`);
    });
    expect(leaks).toEqual([]);
    // The errors the provider's failures became are typed, and still say what went wrong.
    const direct = results.slice(0, faultCases.length).map((s) => (s.state === 'resolved' ? s.value : undefined));
    expect(direct.filter((v) => v instanceof Error).every((e) => RivuletError.isInstance(e))).toBe(true);
    const unauthorized = direct[faultCases.findIndex((c) => c.name.startsWith('401'))];
    expect(unauthorized).toMatchObject({ name: 'ProviderError', status: 401, message: expect.stringContaining('Incorrect API key provided: ***') });
    const events = results[faultCases.length + faultCases.findIndex((c) => c.name.startsWith('401'))];
    const failed = events?.state === 'resolved' ? (events.value as { chunks: RunEvent[] }).chunks.filter((e) => e.type === 'error') : [];
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((e) => e.type === 'error' && ProviderError.isInstance(e.data.error))).toBe(true);
    console.log(`[stress:security] ${jobs.length} faulty runs (${faultCases.length} fault kinds × ${paths.length} paths) scanned: the API key and the client token never exposed`);
  });

  it('in serialized or inspected models, runnables and handlers', () => {
    const { model, chain } = stack;
    const configs: Record<string, unknown> = {
      model,
      'model.options': model.options,
      'model.withOptions': model.withOptions({ temperature: 0 }),
      'model.withRetry': model.withRetry({ maxAttempts: 2 }),
      'model.withConfig': model.withConfig({ tags: ['t'], metadata: { user: 'u' } }),
      'model.bindTools': model.bindTools([{ name: 'lookup', parameters: { type: 'object', properties: {} } }]),
      'model.withStructuredOutput': model.withStructuredOutput(planSchema),
      'model.withFallbacks': model.withFallbacks([model]),
      chain,
      'chain.pipe': chain.pipe((plan) => plan.run),
      'chain.withRetry': chain.withRetry(),
      remote,
      'remote.pipe': remote.pipe((plan) => plan.run),
    };
    const leaks = Object.entries(configs).flatMap(([name, value]) => [...leaksOf(value, stressApiKey), ...leaksOf(value, clientToken)].map((t) => `${name}: ${t.slice(0, 200)}`));
    expect(leaks).toEqual([]);
  });

  it('in anything logged through console.*', () => {
    expect(logs.lines.filter((line) => line.includes(stressApiKey) || line.includes(clientToken))).toEqual([]);
  });

  it('left no unhandled rejection or uncaught exception', () => {
    expect(watch.failures).toEqual([]);
  });
});
