import type { JsonPath } from '../json/json-value.js';

/** One path segment as written in a JSON Pointer (RFC 6901): `~` becomes `~0`, `/` becomes `~1`. */
export function escapePointerSegment(segment: string | number): string {
  const s = String(segment);
  return s.includes('~') || s.includes('/') ? s.replace(/~/g, '~0').replace(/\//g, '~1') : s;
}

/** The JSON Pointer of `path` (`''` for the root). */
export function toPointer(path: JsonPath): string {
  let pointer = '';
  for (const segment of path) pointer += '/' + escapePointerSegment(segment);
  return pointer;
}

/** The unescaped segments of a JSON Pointer; throws on a pointer that does not start with '/'. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (pointer[0] !== '/') throw new Error(`Invalid JSON Pointer ${JSON.stringify(pointer)}: must be empty or start with '/'`);
  return pointer
    .slice(1)
    .split('/')
    .map((s) => (s.includes('~') ? s.replace(/~1/g, '/').replace(/~0/g, '~') : s));
}
