import type { PromptMessageV1 } from '@rivulet/provider';

/**
 * Where a reply keeps the thought signatures of its function calls:
 * `responseMetadata.thoughtSignatures`, keyed by tool-call id. Gemini's
 * thinking models sign the calls they make and reject a later request whose
 * history has the call without its signature; keeping them in the message
 * means they travel with the history (stores, the wire) and go back as sent.
 */
export const THOUGHT_SIGNATURES = 'thoughtSignatures';

/**
 * The signatures an earlier reply kept, read from the message's
 * `responseMetadata` (Rivulet's AI messages have it; the provider contract
 * does not name it, so it is read without trusting its shape).
 */
export function thoughtSignaturesOf(message: PromptMessageV1): ReadonlyMap<string, string> {
  const metadata = (message as { readonly responseMetadata?: unknown }).responseMetadata;
  const kept = typeof metadata === 'object' && metadata !== null ? (metadata as Record<string, unknown>)[THOUGHT_SIGNATURES] : undefined;
  if (typeof kept !== 'object' || kept === null) return new Map();
  return new Map(Object.entries(kept).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
