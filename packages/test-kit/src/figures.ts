/**
 * Milliseconds with one decimal, for summary lines.
 *
 * @example
 * ```ts
 * ms(12.345); // '12.3 ms'
 * ```
 */
export function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}

/**
 * Bytes as MiB with two decimals, signed, for summary lines of heap growth.
 *
 * @example
 * ```ts
 * mib(3 * 2 ** 20); // '+3.00 MiB'
 * ```
 */
export function mib(bytes: number): string {
  return `${bytes >= 0 ? '+' : ''}${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}
