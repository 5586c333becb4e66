/** OpenAI's limit of inputs per request, which the mock enforces like the real API. */
export const MAX_INPUTS_PER_REQUEST = 2048;

/**
 * The texts of an embeddings request's `input` (a string, strings, or token
 * arrays, which are hashed as their JSON), or the message of the 400 OpenAI
 * answers to input it refuses: none, an empty string, more than 2048.
 */
export function embeddingInputs(input: unknown): { readonly texts: string[] } | { readonly refusal: string } {
  const items: unknown[] = Array.isArray(input) && (input.length === 0 || typeof input[0] !== 'number') ? input : [input];
  if (input === undefined || items.length === 0) return { refusal: "'$.input' is invalid: it must not be empty. (mock)" };
  if (items.length > MAX_INPUTS_PER_REQUEST) {
    return { refusal: `'$.input' is invalid: at most ${MAX_INPUTS_PER_REQUEST} inputs per request, got ${items.length}. (mock)` };
  }
  const texts: string[] = [];
  for (const [at, item] of items.entries()) {
    if (item === '') return { refusal: `'$.input[${at}]' is invalid: an input must not be an empty string. (mock)` };
    if (typeof item === 'string') texts.push(item);
    else if (Array.isArray(item) && item.every((token) => typeof token === 'number')) texts.push(JSON.stringify(item));
    else return { refusal: `'$.input[${at}]' is invalid: expected a string or an array of token ids. (mock)` };
  }
  return { texts };
}
