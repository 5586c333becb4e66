import type { OpenAIRecordedRequest } from '@rivulet/openai/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ProcessWatch, watchProcess } from '@rivulet/test-kit';
import { startStack, type Stack } from './e2e-stack.js';
import { inputFor, replyFor, runIdOf } from './run-script.js';

/** What one request cost: bytes of body in, bytes of answer out, and how long it took. */
interface Exchange {
  readonly status: number;
  readonly bytesIn: number;
  readonly bytesOut: number;
  readonly ms: number;
}

async function exchange(url: string, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }): Promise<Exchange> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers, body: text });
  const bytesOut = (await response.arrayBuffer()).byteLength;
  return { status: response.status, bytesIn: Buffer.byteLength(text), bytesOut, ms: performance.now() - started };
}

/** Extra bytes out per extra byte in, against a plain request: what a client gains by padding its request. */
const marginal = (padded: Exchange, plain: Exchange): number => (padded.bytesOut - plain.bytesOut) / (padded.bytesIn - plain.bytesIn);

const tags = (count: number, bytes: number) => Array.from({ length: count }, (_, i) => `${i}`.padEnd(bytes, 't'));

describe('hostile clients: what one request can make the server send and run', () => {
  let stack: Stack;
  let raised: Stack;
  let watch: ProcessWatch;
  let inFlight = 0;
  let peak = 0;

  beforeAll(async () => {
    watch = watchProcess();
    const script = (request: OpenAIRecordedRequest) => {
      peak = Math.max(peak, ++inFlight);
      void request.settled.then(() => inFlight--);
      return { text: replyFor(runIdOf(request)), chunkSize: 8, delayMs: 1 };
    };
    stack = await startStack({ script, model: { maxRetries: 0 } });
    // Limits raised far past the defaults, to measure what the wire format alone costs.
    raised = await startStack({ script, model: { maxRetries: 0 }, handler: { maxMetadataBytes: 1 << 20, maxTags: 100_000, maxLabelBytes: 1 << 20 } });
  });

  afterAll(async () => {
    await stack.close();
    await raised.close();
    watch.stop();
  });

  it('amplification: metadata, tags and a run name are sent once per run, and limits refuse the rest', async () => {
    const events = (target: Stack) => `${target.url}/stream_events`;
    const plain = await exchange(events(stack), { input: inputFor(1) });
    const padded = {
      'metadata 16 KiB': { metadata: { blob: 'm'.repeat(16 * 1024 - 20) } },
      '32 tags of 256 B': { tags: tags(32, 256) },
      'runName 256 B': { runName: 'n'.repeat(256) },
    };
    const lines: string[] = [`plain stream_events: ${plain.bytesIn} B in, ${plain.bytesOut} B out`];
    for (const [name, options] of Object.entries(padded)) {
      const answer = await exchange(events(stack), { input: inputFor(1), options });
      expect(answer.status).toBe(200);
      const ratio = marginal(answer, plain);
      lines.push(`${name}: ${answer.bytesIn} B in, ${answer.bytesOut} B out, ${ratio.toFixed(2)} B out per padded B in`);
      expect(ratio, name).toBeLessThan(1.5);
    }
    const hostile = {
      'metadata 900 KiB': { metadata: { blob: 'm'.repeat(900 * 1024) } },
      '30,000 tags': { tags: tags(30_000, 4) },
      'runName 900 KiB': { runName: 'n'.repeat(900 * 1024) },
    };
    for (const [name, options] of Object.entries(hostile)) {
      const refused = await exchange(events(stack), { input: inputFor(1), options });
      expect(refused.status, name).toBe(400);
      lines.push(`${name}, default limits: ${refused.status} in ${refused.ms.toFixed(0)} ms, ${refused.bytesOut} B out (ratio ${(refused.bytesOut / refused.bytesIn).toFixed(4)})`);
      const accepted = await exchange(events(raised), { input: inputFor(1), options });
      expect(accepted.status, name).toBe(200);
      const ratio = marginal(accepted, plain);
      lines.push(`${name}, limits raised: ${accepted.bytesOut} B out, ${ratio.toFixed(2)} B out per padded B in, ${accepted.ms.toFixed(0)} ms`);
      expect(ratio, name).toBeLessThan(1.5);
    }
    console.log(`[stress:hostile-amplification]\n  ${lines.join('\n  ')}`);
  });

  it('batch fan-out: at most maxConcurrency model calls at once, and an oversized batch refused before any', async () => {
    const batch = `${stack.url}/batch`;
    const before = stack.mock.requests.length;
    peak = 0;
    const full = await exchange(batch, { inputs: Array.from({ length: 100 }, (_, i) => inputFor(i)) });
    expect(full.status).toBe(200);
    expect(stack.mock.requests.length - before).toBe(100);
    const fullPeak = peak;
    expect(fullPeak).toBeLessThanOrEqual(8);
    expect(fullPeak).toBeGreaterThan(1);
    // As many inputs as fit under the 1 MiB body limit: refused for their number, not their bytes.
    const huge = JSON.stringify({ inputs: Array.from({ length: 36_000 }, (_, i) => ({ id: `${i}`, seed: 's' })) });
    expect(Buffer.byteLength(huge)).toBeLessThan(1 << 20);
    const response = await fetch(batch, { method: 'POST', headers: { 'content-type': 'application/json' }, body: huge });
    const refused = { status: response.status, bytesIn: Buffer.byteLength(huge), error: ((await response.json()) as { error: { message: string } }).error };
    expect(refused.status).toBe(413);
    expect(refused.error.message).toBe('The batch has 36000 inputs; this server takes at most 100 per request.');
    expect(stack.mock.requests.length - before).toBe(100);
    console.log(
      `[stress:hostile-batch] 100 inputs: ${full.ms.toFixed(0)} ms, at most ${fullPeak} model calls at once (maxConcurrency 8); ` +
        `36,000 inputs (${(refused.bytesIn / 1024).toFixed(0)} KiB): ${refused.status}, 0 model calls`,
    );
  });

  it('content types: a body not sent as application/json is refused with 415 on every route, and starts nothing', async () => {
    const before = stack.mock.requests.length;
    const body = JSON.stringify({ input: inputFor(1), inputs: [inputFor(1)] });
    const statuses = new Set<number>();
    for (const route of ['invoke', 'batch', 'stream', 'stream_events']) {
      const url = `${stack.url}/${route}`;
      // What a page of another site can send without a CORS preflight: text/plain (fetch's default for a string), a form, multipart.
      const form = new FormData();
      form.set('input', body);
      const attempts = [
        fetch(url, { method: 'POST', body, mode: 'no-cors' }),
        fetch(url, { method: 'POST', body: new URLSearchParams({ input: body }) }),
        fetch(url, { method: 'POST', body: form }),
        fetch(url, { method: 'POST', headers: { 'content-type': 'application/xml' }, body }),
      ];
      for (const response of await Promise.all(attempts)) {
        statuses.add(response.status);
        expect((await response.json()).error.name).toBe('InputError');
      }
      // The JSON POST a page would need is preflighted first, and the handler (no cors option) answers no preflight.
      const preflight = await fetch(url, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
      expect([preflight.status, preflight.headers.get('access-control-allow-origin')]).toEqual([405, null]);
    }
    expect([...statuses]).toEqual([415]);
    expect(stack.mock.requests.length).toBe(before);
    console.log('[stress:hostile-content-types] 16 non-JSON POSTs on 4 routes: all 415, 0 model calls; 4 preflights: 405');
  });
});
