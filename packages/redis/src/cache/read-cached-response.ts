import type { CachedResponse } from '@rivulet/models';

/** The reply `text` holds, or `undefined` when it is not the JSON of one (a miss, never a crash). */
export function readCachedResponse(text: string): CachedResponse | undefined {
  try {
    const value: unknown = JSON.parse(text);
    const parts = typeof value === 'object' && value !== null ? (value as { parts?: unknown }).parts : undefined;
    return Array.isArray(parts) && parts.every(isPart) ? (value as CachedResponse) : undefined;
  } catch {
    return undefined;
  }
}

function isPart(part: unknown): boolean {
  return typeof part === 'object' && part !== null && typeof (part as { type?: unknown }).type === 'string';
}
