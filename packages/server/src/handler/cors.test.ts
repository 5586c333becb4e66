import { fakeRunnable } from '@rivulet/core/testing';
import { describe, expect, it } from 'vitest';
import { createHandler, type CorsOptions } from '../index.js';
import { post } from '../test-support/sse-text.js';

const url = 'http://api.example.com/api/plan/stream';
const app = 'https://app.example.com';
const evil = 'https://evil.example';

function preflight(origin: string | null, method: string | null = 'POST', headers = 'content-type'): Request {
  const init: Record<string, string> = { 'access-control-request-headers': headers };
  if (origin !== null) init.origin = origin;
  if (method !== null) init['access-control-request-method'] = method;
  return new Request(url, { method: 'OPTIONS', headers: init });
}

const fromPage = (origin: string, target = url) => post(target, { input: 'hi' }, { headers: { 'content-type': 'application/json', origin } });
const corsHeaders = (response: Response) => Object.fromEntries([...response.headers].filter(([name]) => name.startsWith('access-control-') || name === 'vary'));

describe('CORS', () => {
  it('is off by default: no preflight is answered and no answer is marked readable cross-origin', async () => {
    const handler = createHandler(fakeRunnable(['x']));
    const answer = await handler(preflight(evil));
    expect(answer.status).toBe(405);
    expect(corsHeaders(answer)).toEqual({});
    const response = await handler(fromPage(evil));
    expect(response.status).toBe(200);
    expect(corsHeaders(response)).toEqual({});
  });

  it('answers a preflight from an allowed origin, and marks every answer to it readable (errors and streams too)', async () => {
    const handler = createHandler(fakeRunnable(['x']), { cors: { origin: [app, 'http://localhost:5173'], allowHeaders: ['Authorization'] } });
    const answer = await handler(preflight(app, 'POST', 'content-type, authorization'));
    expect(answer.status).toBe(204);
    expect(corsHeaders(answer)).toEqual({
      'access-control-allow-origin': app,
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'content-type, authorization',
      'access-control-max-age': '600',
      vary: 'origin',
    });
    const stream = await handler(fromPage(app));
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(corsHeaders(stream)).toEqual({ 'access-control-allow-origin': app, vary: 'origin' });
    await stream.body?.cancel();
    for (const refused of [fromPage(app, 'http://api.example.com/api/plan/nope'), post(url, 'not json', { headers: { 'content-type': 'application/json', origin: app } }), new Request(url, { method: 'POST', headers: { origin: app } })]) {
      const response = await handler(refused);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(corsHeaders(response)).toEqual({ 'access-control-allow-origin': app, vary: 'origin' });
    }
  });

  it('refuses a preflight from another origin with 403, and leaves its answers unreadable', async () => {
    const handler = createHandler(fakeRunnable(['x']), { cors: { origin: app } });
    const answer = await handler(preflight(evil));
    expect(answer.status).toBe(403);
    expect((await answer.json()).error).toEqual({ name: 'ForbiddenError', message: expect.stringContaining(evil) });
    expect(corsHeaders(answer)).toEqual({ vary: 'origin' });
    // Same-origin pages send an Origin header with a POST too: their requests still run.
    const response = await handler(fromPage(evil));
    expect(response.status).toBe(200);
    expect(corsHeaders(response)).toEqual({ vary: 'origin' });
    await response.body?.cancel();
  });

  it('answers an OPTIONS that is no preflight with the methods it takes', async () => {
    const handler = createHandler(fakeRunnable(['x']), { cors: { origin: app } });
    for (const request of [preflight(null), preflight(app, null)]) {
      const answer = await handler(request);
      expect(answer.status).toBe(204);
      expect(answer.headers.get('allow')).toBe('OPTIONS, POST');
    }
  });

  it.each<[string, CorsOptions, string, Record<string, string> | undefined]>([
    ['any origin', { origin: '*' }, evil, { 'access-control-allow-origin': '*' }],
    ['a function', { origin: (origin) => origin.endsWith('.example.com') }, app, { 'access-control-allow-origin': app, vary: 'origin' }],
    ['a function refusing', { origin: (origin) => origin.endsWith('.example.com') }, evil, undefined],
    ['credentials', { origin: app, credentials: true, maxAgeSeconds: 60 }, app, { 'access-control-allow-origin': app, 'access-control-allow-credentials': 'true', vary: 'origin' }],
  ])('allows by %s', async (_, cors, origin, expected) => {
    const handler = createHandler(fakeRunnable(['x']), { cors });
    const answer = await handler(preflight(origin));
    expect(answer.status).toBe(expected === undefined ? 403 : 204);
    const response = await handler(fromPage(origin));
    expect(corsHeaders(response)).toEqual(expected ?? { vary: 'origin' });
    await response.body?.cancel();
  });

  it.each<[CorsOptions, RegExp]>([
    [{ origin: '*', credentials: true }, /credentials needs explicit origins/],
    [{ origin: 'https://app.example.com/' }, /not an origin as browsers send it; did you mean "https:\/\/app\.example\.com"\?/],
    [{ origin: ['https://app.example.com:443'] }, /did you mean "https:\/\/app\.example\.com"/],
    [{ origin: 'app.example.com' }, /"app\.example\.com" is not an origin/],
  ])('refuses a dangerous or mistyped configuration when the handler is created: %j', (cors, message) => {
    expect(() => createHandler(fakeRunnable(['x']), { cors })).toThrow(message);
  });
});
