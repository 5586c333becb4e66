import { lambda, type RunContext } from '@rivulet/core';
import { describe, expect, it } from 'vitest';
import { createHandler, type HandlerOptions } from '../index.js';
import { post } from '../test-support/sse-text.js';

const base = 'http://localhost/api/echo';
const routes = ['invoke', 'batch', 'stream', 'stream_events'] as const;

/** A handler whose runs answer with the labels they were given. */
function echoLabels(options: HandlerOptions<string> = {}) {
  return createHandler(
    lambda((_: string, ctx: RunContext) => ({ tags: ctx.tags, metadata: ctx.metadata, name: ctx.runName })),
    options,
  );
}

async function send(handler: ReturnType<typeof echoLabels>, route: string, options: object): Promise<{ status: number; message: string; path?: unknown }> {
  const response = await handler(post(`${base}/${route}`, route === 'batch' ? { inputs: ['x'], options } : { input: 'x', options }));
  if (response.status === 200) {
    await response.body?.cancel();
    return { status: 200, message: '' };
  }
  const { error } = (await response.json()) as { error: { name: string; message: string; issues: { path: unknown }[] } };
  expect(error.name).toBe('InputError');
  return { status: response.status, message: error.message, path: error.issues[0]?.path };
}

describe('createHandler bounds the labels a request gives its run', () => {
  const tags = (n: number) => Array.from({ length: n }, (_, i) => `t${i}`);
  // 'é' is two bytes: sizes are counted in UTF-8 bytes, as they are stored and sent.
  const metadataOf = (bytes: number) => ({ k: 'é'.repeat((bytes - 8) / 2) }); // {"k":""} is 8 bytes

  it('takes 32 tags, 256-byte tags and runName, 16 KiB of metadata by default, and not a byte more, on every route', async () => {
    const handler = echoLabels();
    for (const route of routes) {
      const at = { tags: [...tags(31), 'é'.repeat(128)], runName: 'é'.repeat(128), metadata: metadataOf(16 * 1024) };
      expect(await send(handler, route, at)).toEqual({ status: 200, message: '' });
      const over: [object, RegExp, unknown][] = [
        [{ tags: tags(33) }, /options\.tags is 33 tags; this server takes at most 32\./, ['options', 'tags']],
        [{ tags: ['a', 'é'.repeat(128) + 'x'] }, /options\.tags\[1\] is 257 bytes long; this server takes at most 256 bytes\./, ['options', 'tags', 1]],
        [{ runName: 'x'.repeat(257) }, /options\.runName is 257 bytes long/, ['options', 'runName']],
        [{ metadata: metadataOf(16 * 1024 + 2) }, /options\.metadata is 16386 bytes of JSON; this server takes at most 16384 bytes\./, ['options', 'metadata']],
      ];
      for (const [options, message, path] of over) {
        expect(await send(handler, route, options)).toEqual({ status: 400, message: expect.stringMatching(message), path });
      }
    }
  });

  it('takes the limits it is given', async () => {
    const handler = echoLabels({ maxTags: 1, maxLabelBytes: 4, maxMetadataBytes: 20 });
    expect((await send(handler, 'invoke', { tags: ['abcd'], runName: 'abcd', metadata: metadataOf(20) })).status).toBe(200);
    expect((await send(handler, 'invoke', { tags: ['a', 'b'] })).status).toBe(400);
    expect((await send(handler, 'invoke', { runName: 'abcde' })).status).toBe(400);
    expect((await send(handler, 'invoke', { metadata: metadataOf(22) })).status).toBe(400);
    const none = echoLabels({ maxTags: 0 });
    expect((await send(none, 'invoke', { tags: [] })).status).toBe(200);
    expect((await send(none, 'invoke', { tags: ['a'] })).status).toBe(400);
  });

  it('gives the run the labels it accepted', async () => {
    const response = await echoLabels()(post(`${base}/invoke`, { input: 'x', options: { tags: ['web'], metadata: { user: 'u1' }, runName: 'echo' } }));
    expect(await response.json()).toEqual({ output: { tags: ['web'], metadata: { user: 'u1' }, name: 'echo' } });
  });

  it.each([
    ['maxTags', -1],
    ['maxLabelBytes', 0],
    ['maxMetadataBytes', Number.NaN],
    ['maxBatchSize', 0],
    ['maxConcurrency', 0.5],
    ['maxBodyBytes', '1mb'],
    ['heartbeatMs', Infinity],
  ])('refuses %s: %s when the handler is created', (name, value) => {
    expect(() => echoLabels({ [name]: value } as HandlerOptions<string>)).toThrow(new RegExp(`createHandler: ${name} must be a number (of at least|from)`));
  });

  it('takes Infinity for no limit', async () => {
    const unbounded = echoLabels({ maxTags: Infinity, maxLabelBytes: Infinity, maxMetadataBytes: Infinity, maxBatchSize: Infinity, maxConcurrency: Infinity });
    expect((await send(unbounded, 'invoke', { tags: Array.from({ length: 100 }, (_, i) => `${i}`.repeat(100)) })).status).toBe(200);
  });
});
