/** `value` as JSON text; `undefined` (which JSON cannot hold) becomes `null`. */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}
