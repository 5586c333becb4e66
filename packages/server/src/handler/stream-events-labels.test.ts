import { lambda, parallel, ProviderError, type RunEvent } from '@rivulet/core';
import { fakeRunnable, settle } from '@rivulet/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { createHandler, RemoteRunnable } from '../index.js';
import { serve, type TestServer } from '../test-support/serve.js';
import { post } from '../test-support/sse-text.js';
import { parseSse } from '@rivulet/test-kit';

const servers: TestServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.close();
});

// Nested steps that inherit the run's labels, add tags, add metadata, rename themselves, and fail.
const chain = () =>
  lambda((x: string) => x.toUpperCase())
    .pipe(
      parallel({
        plain: fakeRunnable(['a', 'b', 'c']),
        tagged: fakeRunnable(['t']).withConfig({ tags: ['inner'], metadata: { step: 'inner' }, runName: 'innerStep' }),
      }),
    )
    .pipe(lambda((parts: { plain: string; tagged: string }) => `${parts.plain}${parts.tagged}`));

const failing = () =>
  lambda((x: string) => x).pipe(
    fakeRunnable(['partial'], { error: new ProviderError('upstream down', { provider: 'openai', status: 503 }) }).withConfig({ metadata: { model: 'm' } }),
  );

/** Events with run ids replaced by their order of appearance and errors by their name and message, so two runs compare. */
function comparable(events: RunEvent[]): unknown[] {
  const ids = new Map<string, number>();
  const id = (runId: string): number => ids.get(runId) ?? (ids.set(runId, ids.size), ids.size - 1);
  return events.map((event) => ({
    ...event,
    runId: id(event.runId),
    ...(event.parentRunId !== undefined && { parentRunId: id(event.parentRunId) }),
    ...(event.type === 'error' && { data: { error: { name: event.data.error.name, message: event.data.error.message } } }),
  }));
}

async function remoteOf(runnable: ReturnType<typeof chain>): Promise<RemoteRunnable<string, string>> {
  const server = await serve(createHandler(runnable));
  servers.push(server);
  return new RemoteRunnable<string, string>({ url: server.url });
}

describe('stream_events sends each run’s labels once', () => {
  const options = { tags: ['web', 'beta'], metadata: { user: 'u1', blob: 'm'.repeat(4000) }, runName: 'shout' };

  it('puts the request’s metadata and tags on the wire once per run that changes them, not per event', async () => {
    const response = await createHandler(chain())(post('http://localhost/stream_events', { input: 'hi', options }));
    const text = await response.text();
    const events = parseSse(text).filter((e) => e.event === 'data');
    expect(events.length).toBeGreaterThan(15);
    expect(text.split(options.metadata.blob).length - 1).toBe(1); // the root's start only: the step that adds a key sends that key
    expect(text).toContain('"moreMetadata":{"step":"inner"}');
    expect(text.split('"beta"').length - 1).toBe(2);
    const first = JSON.parse(events[0]!.data) as RunEvent;
    expect(first).toMatchObject({ type: 'start', name: 'shout', tags: ['web', 'beta'], metadata: options.metadata });
    // Every event but the first of each run leaves the labels out.
    const later = events.slice(1).map((e) => JSON.parse(e.data) as Partial<RunEvent>).filter((e) => e.type !== 'start');
    expect(later.filter((e) => 'tags' in e || 'metadata' in e || 'name' in e)).toEqual([]);
  });

  it('gives RemoteRunnable.streamRemoteEvents the events local streamEvents gives, labels restored', async () => {
    for (const make of [chain, failing]) {
      const remote = await remoteOf(make());
      const local = await settle(make().streamEvents('hi', options));
      const remoteEvents = await settle(remote.streamRemoteEvents('hi', options));
      expect(local.error === undefined).toBe(make === chain);
      expect(remoteEvents.chunks.length).toBeGreaterThan(4);
      expect(comparable(remoteEvents.chunks)).toEqual(comparable(local.chunks));
      if (make === failing) expect(remoteEvents.error).toMatchObject({ name: 'ProviderError', status: 503 });
      else expect(remoteEvents.error).toBeUndefined();
    }
  });
});
