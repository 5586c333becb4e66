/** A request for a kept run: following it (`GET {base}/stream/{runId}`) or stopping it (`POST {base}/stop/{runId}`). */
export interface RunRouteRequest {
  readonly route: 'resume' | 'stop';
  readonly runId: string;
}

/**
 * The kept-run route a request URL names, if any: its last path segment is
 * the run id, the one before it `stream` or `stop`, so the handler still
 * mounts under any prefix.
 */
export function runRouteOf(url: string): RunRouteRequest | undefined {
  const segments = new URL(url).pathname.replace(/\/+$/, '').split('/');
  const runId = segments.at(-1) ?? '';
  const route = segments.at(-2);
  if (runId === '' || (route !== 'stream' && route !== 'stop')) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(runId);
  } catch {
    return undefined;
  }
  return { route: route === 'stream' ? 'resume' : 'stop', runId: decoded };
}
