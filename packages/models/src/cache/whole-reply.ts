import type { ChatStreamPartV1 } from '@rivulet/provider';

/**
 * True when `parts` are a complete reply: something finished, and every
 * choice that said anything finished. A truncated stream is never cached.
 */
export function isWholeReply(parts: readonly ChatStreamPartV1[]): boolean {
  const spoke = new Set<number>();
  const finished = new Set<number>();
  for (const part of parts) {
    if (part.type === 'finish') finished.add(part.choice ?? 0);
    else if (part.type !== 'usage' && part.type !== 'metadata') spoke.add(part.choice ?? 0);
  }
  return finished.size > 0 && [...spoke].every((choice) => finished.has(choice));
}
