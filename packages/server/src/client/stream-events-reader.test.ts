import { parallel, type RunEvent } from '@rivulet/core';
import { collect, fakeRunnable } from '@rivulet/core/testing';
import { jsonParser } from '@rivulet/parsers';
import { afterAll, describe, expect, it } from 'vitest';
import { createHandler } from '../index.js';
import { pieces, tripPlan } from '../test-support/documents.js';
import { serve, type TestServer } from '../test-support/serve.js';
import { openRunStream } from './index.js';

const servers: TestServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.close();
});

const plan = tripPlan(3);
const chain = () =>
  parallel({ plan: fakeRunnable(pieces(JSON.stringify(plan), 6)).pipe(jsonParser()), text: fakeRunnable(['Hel', 'lo']) }).withConfig({ tags: ['web'], metadata: { user: 'u1' } });

/** Run ids by order of appearance, everything as JSON, so two runs compare. */
function comparable(events: readonly RunEvent[]): unknown {
  const ids = new Map<string, number>();
  const id = (runId: string): number => ids.get(runId) ?? (ids.set(runId, ids.size), ids.size - 1);
  return JSON.parse(JSON.stringify(events.map((e) => ({ ...e, runId: id(e.runId), ...(e.parentRunId !== undefined && { parentRunId: id(e.parentRunId) }) }))));
}

describe('the browser client reading stream_events', () => {
  it('gives the run events local streamEvents gives: labels restored, snapshot chunks rebuilt from their patches', async () => {
    const server = await serve(createHandler(chain()));
    servers.push(server);
    const events: RunEvent[] = [];
    for await (const item of openRunStream(server.url, 'x', {}, 'stream_events')) {
      expect(item.type).not.toBe('snapshot');
      if (item.type === 'chunk') events.push(item.value);
    }
    const local = await collect(chain().streamEvents('x'));
    expect(events.filter((e) => e.type === 'chunk').length).toBeGreaterThan(10);
    expect(events.every((e) => e.tags.includes('web') && e.metadata['user'] === 'u1')).toBe(true);
    expect(comparable(events)).toEqual(comparable(local));
  });
});
