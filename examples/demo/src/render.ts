/**
 * Shows a value that keeps changing: on a terminal, redrawn in place; in a
 * log or pipe, one line whenever its shape grows (a new key or list item),
 * so the output stays readable.
 */
export function createRenderer(out: NodeJS.WriteStream): { update(value: unknown): void; done(value: unknown): void } {
  let drawnLines = 0;
  let lastShape = '';
  const draw = (value: unknown): void => {
    const text = JSON.stringify(value, null, 2) ?? '';
    // Move up over the previous drawing and clear it, then draw again.
    if (drawnLines > 0) out.write(`\x1b[${drawnLines}A\x1b[0J`);
    out.write(`${text}\n`);
    drawnLines = text.split('\n').length;
  };
  return {
    update(value) {
      if (out.isTTY) return draw(value);
      const shape = shapeOf(value);
      if (shape !== lastShape) {
        lastShape = shape;
        out.write(`… ${JSON.stringify(value)}\n`);
      }
    },
    done(value) {
      if (out.isTTY) draw(value);
      else out.write(`${JSON.stringify(value, null, 2)}\n`);
    },
  };
}

/** The keys and list lengths of a value, ignoring how far its strings got. */
function shapeOf(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(shapeOf).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.entries(value).map(([key, child]) => `${key}:${shapeOf(child)}`).join(',')}}`;
  }
  return '';
}
