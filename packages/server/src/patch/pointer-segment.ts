/** A key as a JSON Pointer segment (RFC 6901): `~` becomes `~0`, `/` becomes `~1`. */
export function pointerSegment(key: string | number): string {
  const text = String(key);
  return text.includes('~') || text.includes('/') ? text.replace(/~/g, '~0').replace(/\//g, '~1') : text;
}
