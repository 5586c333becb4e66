import type { Runnable } from '@rivulet/core';
import { createHandler } from '@rivulet/server';

/**
 * The body of the `stream` response the server sends for `runnable`, read
 * whole: what a browser receives (for a snapshot runnable, `patch` events).
 */
export async function servedBody(runnable: Runnable<null, unknown, unknown>): Promise<string> {
  const request = new Request('http://x/stream', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ input: null }),
  });
  const response = await createHandler(runnable)(request);
  if (response.status !== 200) throw new Error(`the server answered ${response.status}: ${await response.text()}`);
  return response.text();
}
