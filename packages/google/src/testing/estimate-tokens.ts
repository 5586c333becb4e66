/** A token count for `text` good enough for a mock: about 4 characters a token, at least 1 for any text. */
export function estimateTokens(text: string): number {
  return text === '' ? 0 : Math.max(1, Math.ceil(text.length / 4));
}
