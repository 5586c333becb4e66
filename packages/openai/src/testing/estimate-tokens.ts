/**
 * A token count that is plausible without a tokenizer: about four characters
 * a token, as OpenAI's rule of thumb says. Tests should assert scripted
 * usage, not these estimates.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
