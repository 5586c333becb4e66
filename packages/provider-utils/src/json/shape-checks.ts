/**
 * Whether `value` is a JSON object (not `null`, not an array): the first check
 * a provider makes on a parsed event before reading its fields.
 *
 * @example
 * ```ts
 * if (!isJsonObject(value)) throw malformedEvent(context, 'expected an event object');
 * ```
 */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whether an optional field of a parsed event is absent (`undefined` or JSON
 * `null`, which servers send for fields they leave out) or of `type`.
 *
 * @example
 * ```ts
 * if (!isAbsentOr(delta['content'], 'string')) throw malformedEvent(context, 'a non-string content');
 * ```
 */
export function isAbsentOr(value: unknown, type: 'string' | 'number' | 'boolean'): boolean {
  return value === undefined || value === null || typeof value === type;
}
