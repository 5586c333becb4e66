import type { ServerResponse } from 'node:http';

/**
 * Writes a Web `Response` to a `node:http` response, streaming the body with
 * backpressure: the next chunk is read only once the socket took the last one.
 * When the client goes away the body is cancelled, which for an event stream
 * cancels the run; a client that takes nothing for `sendTimeoutMs` while
 * bytes wait for it (mid-answer, or its last bytes) is treated as gone: the
 * connection is destroyed.
 */
export async function writeWebResponse(response: Response, res: ServerResponse, sendTimeoutMs: number): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, key) => {
    if (key !== 'set-cookie') headers[key] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  res.writeHead(response.status, headers);
  if (response.body === null) {
    res.end();
    return;
  }
  res.flushHeaders(); // an event stream's client learns at once that the run started
  const reader = response.body.getReader();
  const cancel = (): void => void reader.cancel().catch(() => undefined);
  res.once('close', cancel);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || res.destroyed) break;
      if (!res.write(value)) await flushed(res, 'drain', sendTimeoutMs);
    }
    if (!res.destroyed) {
      res.end();
      await flushed(res, 'finish', sendTimeoutMs);
    }
  } catch {
    res.destroy(); // the body failed midway: a torn connection is the only honest signal left
  } finally {
    res.off('close', cancel);
  }
}

// Resolves when the socket took what waited (`event`), or closed; destroys it after `timeoutMs` without that.
function flushed(res: ServerResponse, event: 'drain' | 'finish', timeoutMs: number): Promise<void> {
  if (event === 'finish' && res.writableFinished) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = Number.isFinite(timeoutMs) ? setTimeout(() => res.destroy(), timeoutMs) : undefined;
    const done = (): void => {
      clearTimeout(timer);
      res.off(event, done).off('close', done);
      resolve();
    };
    res.on(event, done).on('close', done);
  });
}
