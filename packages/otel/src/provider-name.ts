// Rivulet provider ids whose name in the GenAI conventions' list differs
// (`openai`, `anthropic`, `perplexity`, `groq` and others are the same).
const wellKnown: Readonly<Record<string, string>> = { google: 'gcp.gemini' };

/** `gen_ai.provider.name` for a Rivulet provider id: the conventions' name when it has one, else the id. */
export function genAIProviderName(provider: string): string {
  return wellKnown[provider] ?? provider;
}
