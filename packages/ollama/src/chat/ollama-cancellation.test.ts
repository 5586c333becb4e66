import { eventually, timerFunctions } from '@rivulet/test-kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AbortError, TimeoutError } from '@rivulet/core';
import { startMockOllamaServer, type MockOllamaScript, type MockOllamaServer } from '../testing/index.js';
import { OllamaChatModel } from './ollama-chat-model.js';

let server: MockOllamaServer | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await server?.close();
  server = undefined;
});

async function modelFor(script: MockOllamaScript, timeout?: number): Promise<OllamaChatModel> {
  server = await startMockOllamaServer(script);
  return new OllamaChatModel({ model: 'llama3.2', host: server.url, maxRetries: 0, ...(timeout !== undefined && { timeout }) });
}

const slow = { text: 'a long answer streamed slowly', chunkSize: 2, delayMs: 20 };

describe('OllamaChatModel: cancellation reaches the socket', () => {
  it('aborting mid-stream ends with AbortError and the server sees the client leave', async () => {
    const model = await modelFor(slow);
    const controller = new AbortController();
    let seen = '';
    const outcome = (async () => {
      for await (const chunk of model.stream('x', { signal: controller.signal })) {
        seen += chunk.content;
        if (seen.length >= 4) controller.abort();
      }
    })();
    await expect(outcome).rejects.toSatisfy(AbortError.isInstance);
    await server!.requests[0]!.socketClosed;
    expect(server!.requests[0]).toMatchObject({ outcome: 'client-closed', closedEarly: true });
    expect(server!.requests[0]!.eventsSent).toBeLessThan(10);
  });

  it('breaking out of for await closes the connection', async () => {
    const model = await modelFor(slow);
    for await (const chunk of model.stream('x')) if (chunk.content) break;
    await server!.requests[0]!.socketClosed;
    expect(server!.requests[0]!.closedEarly).toBe(true);
  });

  it('aborting before the headers arrive ends with AbortError and closes the request', async () => {
    const model = await modelFor({ text: 'late', headersDelayMs: 5_000 });
    const controller = new AbortController();
    const outcome = model.invoke('x', { signal: controller.signal });
    await eventually(() => server!.requests.length === 1, 'the request to arrive');
    controller.abort();
    await expect(outcome).rejects.toSatisfy(AbortError.isInstance);
    await server!.requests[0]!.settled;
    expect(server!.requests[0]!.closedEarly).toBe(true);
  });

  it('the run timeout closes a stream that would go on for seconds', async () => {
    // The run's timeout and the server's pace in virtual time, the socket real.
    vi.useFakeTimers({ toFake: [...timerFunctions] });
    const model = await modelFor({ text: 'x'.repeat(200), chunkSize: 1, delayMs: 20 }, 150);
    let failed = false;
    const error = model.invoke('x').then(
      () => undefined,
      (reason: unknown) => ((failed = true), reason),
    );
    await eventually(() => server!.requests.length === 1, 'the request');
    await vi.advanceTimersByTimeAsync(149);
    expect(failed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await error).toSatisfy(TimeoutError.isInstance);
    await server!.requests[0]!.socketClosed;
    expect(server!.requests[0]!.closedEarly).toBe(true);
  });
});
