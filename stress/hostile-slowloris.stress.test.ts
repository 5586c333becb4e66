import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeServerTimeouts } from '@rivulet/server';
import { pause, percentile, type ProcessWatch, waitFor, watchProcess } from '@rivulet/test-kit';
import { startStack, type Stack } from './e2e-stack.js';
import { inputFor, planFor, replyFor, runIdOf } from './run-script.js';

const attackers = 100;

/** A client that sends a request's headers a byte at a time and never finishes them. */
interface Slowloris {
  readonly openedAt: number;
  closedAt: number | undefined;
  answer: string;
  stop(): void;
}

function slowloris(url: URL): Slowloris {
  const socket: Socket = connect(Number(url.port), url.hostname);
  const headers = `POST ${url.pathname}/stream HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nX-Padding: ${'a'.repeat(10_000)}`;
  let sent = 0;
  const client: Slowloris = { openedAt: performance.now(), closedAt: undefined, answer: '', stop: () => socket.destroy() };
  const timer = setInterval(() => {
    if (sent < headers.length && socket.writable) socket.write(headers[sent++] as string);
  }, 100);
  socket.setEncoding('utf8').on('data', (chunk: string) => (client.answer += chunk));
  socket.on('error', () => undefined); // a reset is one way for the server to close it
  socket.on('close', () => {
    clearInterval(timer);
    client.closedAt = performance.now();
  });
  return client;
}

/** A condition true `n` times. */
const times = (n: number) => () => n-- > 0;

/** Latencies of sequential invokes, as long as `more()` says so. */
async function invokeWhile(stack: Stack, more: () => boolean, first: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let id = first; more(); id++) {
    const started = performance.now();
    expect(await stack.remote.invoke(inputFor(id))).toEqual(planFor(id));
    latencies.push(performance.now() - started);
  }
  return latencies;
}

describe(`hostile clients: ${attackers} slowloris connections`, () => {
  let stack: Stack;
  let watch: ProcessWatch;

  beforeAll(async () => {
    watch = watchProcess();
    stack = await startStack({ script: (request) => ({ text: replyFor(runIdOf(request)), chunkSize: 12 }), model: { maxRetries: 0 } });
  });

  afterAll(async () => {
    await stack.close();
    watch.stop();
  });

  it('are closed by the headers timeout while a healthy client keeps its latency', { timeout: 60_000 }, async () => {
    const url = new URL(stack.url);
    await invokeWhile(stack, times(10), 0); // warm up
    const baseline = await invokeWhile(stack, times(40), 100);
    const clients = Array.from({ length: attackers }, () => slowloris(url));
    expect(await waitFor(() => stack.connections().open >= attackers, 5_000)).toBe(true);
    const underAttack = await invokeWhile(stack, () => clients.some((c) => c.closedAt === undefined), 1_000);
    const limitMs = nodeServerTimeouts.headersTimeout + 2 * nodeServerTimeouts.connectionsCheckingInterval + 3_000;
    const allClosed = await waitFor(() => clients.every((c) => c.closedAt !== undefined), limitMs);
    for (const client of clients) client.stop();
    expect(allClosed).toBe(true);
    const lifetimes = clients.map((c) => (c.closedAt as number) - c.openedAt);
    expect(Math.min(...lifetimes)).toBeGreaterThanOrEqual(nodeServerTimeouts.headersTimeout - 100);
    expect(Math.max(...lifetimes)).toBeLessThan(limitMs);
    expect(clients.filter((c) => c.answer.startsWith('HTTP/1.1 408'))).toHaveLength(attackers);
    await pause(100);
    expect(stack.connections().open).toBeLessThanOrEqual(2); // the healthy client's keep-alive sockets
    const [p50, p99, attackP50, attackP99] = [percentile(baseline, 50), percentile(baseline, 99), percentile(underAttack, 50), percentile(underAttack, 99)];
    console.log(
      `[stress:hostile-slowloris] ${attackers} connections sending headers a byte per 100 ms: all answered 408 and closed after ` +
        `${(Math.min(...lifetimes) / 1000).toFixed(1)}–${(Math.max(...lifetimes) / 1000).toFixed(1)} s (headersTimeout ${nodeServerTimeouts.headersTimeout / 1000} s); ` +
        `healthy invoke p50/p99 ${p50.toFixed(1)}/${p99.toFixed(1)} ms before, ${attackP50.toFixed(1)}/${attackP99.toFixed(1)} ms during (${underAttack.length} invokes)`,
    );
    expect(underAttack.length).toBeGreaterThan(20);
    expect(attackP50).toBeLessThan(Math.max(3 * p50, p50 + 50));
  });
});
