import type { RouteName } from './wire-types.js';

/**
 * The URL of `route` under a handler's base URL (`/api/joke` → `/api/joke/stream`).
 * Works on relative URLs, as a page uses them, and keeps a query string.
 */
export function routeUrl(base: string | URL, route: RouteName | 'stop'): string {
  const text = String(base);
  const cut = text.search(/[?#]/);
  const path = cut < 0 ? text : text.slice(0, cut);
  const rest = cut < 0 ? '' : text.slice(cut);
  return `${path.replace(/\/+$/, '')}/${route}${rest}`;
}
