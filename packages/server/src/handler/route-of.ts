import type { RouteName } from '../client/wire-types.js';

const routes: ReadonlySet<string> = new Set<RouteName>(['invoke', 'batch', 'stream', 'stream_events']);

/**
 * The route a request URL names: its last path segment, so a handler works
 * under any prefix (`/api/joke/stream` and `/stream` both reach `stream`).
 */
export function routeOf(url: string): RouteName | undefined {
  const segment = new URL(url).pathname.replace(/\/+$/, '').split('/').pop() ?? '';
  return routes.has(segment) ? (segment as RouteName) : undefined;
}
