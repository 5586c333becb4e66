/** A JSON value as `JSON.parse` produces it. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object as `JSON.parse` produces it. */
export type JsonObject = { [key: string]: JsonValue };

/** One step of a path into a JSON document: an object key or an array index. */
export type JsonPathSegment = string | number;

/** A path from the document root to a value; `[]` is the root itself. */
export type JsonPath = readonly JsonPathSegment[];
