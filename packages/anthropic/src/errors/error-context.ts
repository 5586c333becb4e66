/** What an error needs to say which call failed, and the secret it must never show. */
export interface ErrorContext {
  readonly provider: string;
  /** The API key; masked wherever a message might echo it. */
  readonly secret?: string | undefined;
  /** The `request-id` header of the response, once there is one. */
  readonly requestId?: string | undefined;
}

/** `text` with every occurrence of the context's secret masked. */
export function redact(text: string, context: ErrorContext): string {
  const { secret } = context;
  // A very short "key" would mask ordinary words; real keys are long.
  return secret !== undefined && secret.length >= 8 ? text.split(secret).join('***') : text;
}
