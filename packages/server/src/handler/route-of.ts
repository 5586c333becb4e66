/**
 * The route a request URL names: its last path segment, so a handler works
 * under any prefix (`/api/joke/stream` and `/stream` both reach `stream`);
 * `undefined` when the handler has no such route.
 */
export function routeOf<R extends string>(url: string, routes: ReadonlySet<R>): R | undefined {
  const segment = new URL(url).pathname.replace(/\/+$/, '').split('/').pop() ?? '';
  return routes.has(segment as R) ? (segment as R) : undefined;
}
