const isBlank = (char: string | undefined): boolean => char === ' ' || char === '\t';

/**
 * When the tag at `[open, end)` is alone on its line (only blanks around it),
 * the range to drop with it: from the start of the line to past its newline.
 * Mustache drops such lines so that section tags on lines of their own leave
 * no blank lines behind. `textStart` is where the text before the tag begins.
 */
export function standaloneLine(
  source: string,
  textStart: number,
  open: number,
  end: number,
): { readonly from: number; readonly to: number } | undefined {
  let from = open;
  while (from > textStart && isBlank(source[from - 1])) from--;
  if (from !== 0 && source[from - 1] !== '\n') return undefined;
  let to = end;
  while (isBlank(source[to])) to++;
  if (to === source.length) return { from, to };
  if (source[to] === '\n') return { from, to: to + 1 };
  if (source[to] === '\r' && source[to + 1] === '\n') return { from, to: to + 2 };
  return undefined;
}
