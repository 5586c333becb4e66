import { routeUrl } from './route-url.js';

/** The URL of a kept run under a handler's base URL: `…/stream/{runId}` to follow it, `…/stop/{runId}` to stop it. */
export function runUrl(base: string | URL, route: 'stream' | 'stop', runId: string): string {
  const url = routeUrl(base, route);
  const cut = url.search(/[?#]/);
  return cut < 0 ? `${url}/${encodeURIComponent(runId)}` : `${url.slice(0, cut)}/${encodeURIComponent(runId)}${url.slice(cut)}`;
}
