/**
 * A deterministic top-level JSON array of about `bytes` characters holding
 * only numbers, written inline as a model writes a list of values (`[12, -3.5,
 * 6.02e+23, ...]`): integers, negative integers, decimals, negative decimals
 * and exponents (`e`, `E`, signed or not), in turn.
 *
 * Its array is as wide as a document gets: one element per 7 characters or
 * so, and open until the last one.
 */
export function wideNumbersDocument(bytes: number): string {
  const numbers: string[] = [];
  let size = 2;
  for (let i = 0; ; i++) {
    const number = numberAt(i);
    if (size + number.length + 2 > bytes && numbers.length > 0) break;
    numbers.push(number);
    size += number.length + 2;
  }
  return `[${numbers.join(', ')}]`;
}

function numberAt(i: number): string {
  const h = mix(i);
  switch (i % 6) {
    case 0:
      return String(h % 1_000_000);
    case 1:
      return String(-(1 + (h % 10_000)));
    case 2:
      return String((h % 100_000) / 100);
    case 3:
      return String(-(1 + (h % 1_000_000)) / 10_000);
    case 4:
      return `${1 + (h % 9)}.${h % 1000}e${(h >>> 10) % 2 === 0 ? '-' : '+'}${(h >>> 12) % 30}`;
    default:
      return `${(h % 100) / 10}E${(h >>> 8) % 20}`;
  }
}

/** An integer hash of the position: reproducible, unlike Math.random. */
function mix(i: number): number {
  let h = Math.imul(i + 1, 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca77);
  return (h ^ (h >>> 13)) >>> 0;
}
