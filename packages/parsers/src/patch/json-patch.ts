import type { JsonValue } from '../json/json-value.js';

/**
 * One JSON Patch operation: RFC 6902's `add`, `replace` and `remove`, plus
 * `append`, which appends `value` to the string at `path`, so a string that
 * grows over many chunks costs O(n) bytes on the wire, not O(n²).
 * `path` is an RFC 6901 JSON Pointer (`''` is the whole document).
 */
export type JsonPatchOperation =
  | { readonly op: 'add'; readonly path: string; readonly value: JsonValue }
  | { readonly op: 'replace'; readonly path: string; readonly value: JsonValue }
  | { readonly op: 'remove'; readonly path: string }
  | { readonly op: 'append'; readonly path: string; readonly value: string };
