import { describe, expect, it } from 'vitest';
import { ProviderError } from '@rivulet/core';
import { expectContentType } from './expect-content-type.js';

const context = { provider: 'acme', secret: 'sk-acme-secret-key' };

describe('expectContentType', () => {
  it('gives the body of an accepted type, parameters and case aside', async () => {
    const response = new Response('data: 1\n\n', { headers: { 'content-type': 'Text/Event-Stream; charset=utf-8' } });
    expect(await expectContentType(response, context, ['text/event-stream'])).toBe(response.body);
  });

  it('reads a JSON body as the server error it is', async () => {
    const response = new Response(JSON.stringify({ error: { message: 'overloaded', code: 'overloaded' } }), { headers: { 'content-type': 'application/json' } });
    const error = await expectContentType(response, context, ['text/event-stream'], { transientCodes: ['overloaded'] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ProviderError', code: 'overloaded', retryable: true, status: 200 });
  });

  it('is unexpected_content_type, not retryable, for anything else, with a masked preview of the body', async () => {
    const response = new Response('<html>Log in, sk-acme-secret-key</html>', { headers: { 'content-type': 'text/html' } });
    const error = await expectContentType(response, context, ['text/event-stream']).catch((e: unknown) => e);
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'unexpected_content_type', retryable: false });
    expect((error as Error).message).toContain('<html>Log in, ***');
  });
});
