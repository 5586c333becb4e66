/** `text` in pieces of `size` code points (an emoji is never split); `''` gives none. */
export function splitText(text: string, size: number): string[] {
  const points = Array.from(text);
  const step = Math.max(1, Math.floor(size));
  const pieces: string[] = [];
  for (let start = 0; start < points.length; start += step) pieces.push(points.slice(start, start + step).join(''));
  return pieces;
}
