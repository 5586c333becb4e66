/**
 * Returns `text` after making V8 store it as one contiguous string. A string
 * grown by `+=` over a stream is a rope with one node per piece: with
 * 4-character chunks that is about 13 bytes of heap per character, where the
 * flat string takes 1 or 2, and the rope stays that big for as long as the
 * value is kept. Reading a character flattens it in place (the nodes become
 * garbage), once per completed string, so the cost is linear. Other engines
 * just read the character.
 */
export function flattenString(text: string): string {
  text.charCodeAt(0);
  return text;
}
