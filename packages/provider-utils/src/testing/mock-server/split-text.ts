/**
 * Cuts text into the pieces a mock streams it in: `size` characters each,
 * counted in code points so an emoji is never split into broken surrogate
 * halves. `''` gives no pieces; a size below 1 counts as 1.
 *
 * @example
 * ```ts
 * splitText('ab😀cd', 3); // ['ab😀', 'cd']
 * ```
 */
export function splitText(text: string, size: number): string[] {
  const points = Array.from(text);
  const step = Math.max(1, Math.floor(size));
  const pieces: string[] = [];
  for (let start = 0; start < points.length; start += step) pieces.push(points.slice(start, start + step).join(''));
  return pieces;
}
