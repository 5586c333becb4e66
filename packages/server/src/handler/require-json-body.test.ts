import { fakeRunnable } from '@rivulet/core/testing';
import { describe, expect, it } from 'vitest';
import { createHandler } from '../index.js';

const base = 'http://localhost/api/plan';
const body = JSON.stringify({ input: 'hi' });
const routes = ['invoke', 'batch', 'stream', 'stream_events'] as const;
const bodyOf = (route: string): string => (route === 'batch' ? JSON.stringify({ inputs: ['hi'] }) : body);

/** A request whose body counts how often it was read from. */
function request(route: string, headers: Record<string, string>, text = bodyOf(route)): { request: Request; pulls: () => number } {
  let pulls = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulls++;
      controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  }, { highWaterMark: 0 }); // pulled only when the handler reads
  const init = { method: 'POST', headers, body: stream, duplex: 'half' } as RequestInit;
  return { request: new Request(`${base}/${route}`, init), pulls: () => pulls };
}

describe('createHandler accepts only JSON bodies', () => {
  const refused: [string, Record<string, string>, RegExp][] = [
    ['no Content-Type', {}, /has no Content-Type/],
    ['text/plain (what a cross-site no-cors fetch sends)', { 'content-type': 'text/plain;charset=UTF-8' }, /is text\/plain/],
    ['a form', { 'content-type': 'application/x-www-form-urlencoded' }, /is application\/x-www-form-urlencoded/],
    ['multipart', { 'content-type': 'multipart/form-data; boundary=----x' }, /is multipart\/form-data/],
    ['another JSON-ish type', { 'content-type': 'application/jsonl' }, /is application\/jsonl/],
    ['a malformed header', { 'content-type': 'application/json; charset' }, /malformed Content-Type/],
    ['JSON in another charset', { 'content-type': 'application/json; charset=iso-8859-1' }, /charset "iso-8859-1"/],
    ['two types at once', { 'content-type': 'text/plain, application/json' }, /malformed/],
  ];

  it.each(refused)('answers %s with 415 on every route, before reading the body or starting a run', async (_, headers, message) => {
    const run = fakeRunnable(['x']);
    const handler = createHandler(run);
    for (const route of routes) {
      const sent = request(route, headers);
      const response = await handler(sent.request);
      expect(response.status).toBe(415);
      expect(response.headers.get('accept')).toBe('application/json');
      const { error } = (await response.json()) as { error: { name: string; message: string } };
      expect(error.name).toBe('InputError');
      expect(error.message).toMatch(message);
      expect(error.message).toMatch(/Content-Type: application\/json/);
      expect(sent.pulls()).toBe(0);
    }
    expect(run.inputs).toEqual([]);
  });

  it.each(['application/json', 'Application/JSON', 'application/json; charset=utf-8', 'application/json;charset="UTF-8"', 'application/json ; Charset=utf8 ; v=1', 'application/json;'])(
    'accepts %j',
    async (type) => {
      const sent = request('invoke', { 'content-type': type });
      const response = await createHandler(fakeRunnable(['x']))(sent.request);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ output: 'x' });
      expect(sent.pulls()).toBeGreaterThan(0);
    },
  );
});
