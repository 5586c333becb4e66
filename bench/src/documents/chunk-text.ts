/**
 * `text` cut into pieces of `size` characters (the last may be shorter), each
 * its own string, as a model's stream delivers them (see {@link ownString}).
 */
export function chunkText(text: string, size: number): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(ownString(text.slice(i, i + size)));
  return chunks;
}

/**
 * A copy of `piece` stored the way a string decoded from the network is: on
 * its own, one byte per character when all of them fit. A slice of a larger
 * string is not: V8 gives it its parent's encoding, and a document holding
 * one emoji is two bytes per character throughout, so every string a parser
 * built from its chunks would be twice as big as in real use.
 */
export function ownString(piece: string): string {
  return JSON.parse(JSON.stringify(piece)) as string;
}
