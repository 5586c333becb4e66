/** POSTs `body` as JSON to `handler` (a Web handler) at `url`. */
export function post(url: string, body: unknown, init: RequestInit = {}): Request {
  return new Request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...init,
  });
}

// Moved to the test kit; still exported here until the tests under handler/ and client/ import them from there.
export { parseSse, readAsItComes } from '@rivulet/test-kit';
