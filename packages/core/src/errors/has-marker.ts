/**
 * True when `value` is an object carrying the marker `symbol` (own or
 * inherited). Rivulet's classes carry a `Symbol.for(...)` marker rather than
 * relying on `instanceof`, which fails when two copies of a package are
 * installed: `Symbol.for` gives every copy the same symbol.
 *
 * @example
 * ```ts
 * const marker = Symbol.for('my-lib.error.quota');
 * class QuotaError extends RivuletError {
 *   private readonly [marker] = true;
 *   static override isInstance(error: unknown): error is QuotaError {
 *     return hasMarker(error, marker);
 *   }
 * }
 * ```
 */
export function hasMarker(value: unknown, symbol: symbol): boolean {
  return typeof value === 'object' && value !== null && symbol in value;
}
