/**
 * A made-up embedding of `text`: `dimensions` numbers derived from its FNV-1a
 * hash, scaled to unit length as Ollama's `/api/embed` returns them. The same
 * text always gives the same vector, different texts different ones.
 */
export function embedVector(text: string, dimensions: number): number[] {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  const raw = Array.from({ length: Math.max(1, dimensions) }, (_, i) => Math.sin(hash + i * 7919));
  const norm = Math.hypot(...raw) || 1;
  return raw.map((value) => Math.round((value / norm) * 1e6) / 1e6);
}
