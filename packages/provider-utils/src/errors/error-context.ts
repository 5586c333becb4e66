/** What an error needs to say which call failed, and the secret it must never show. */
export interface ErrorContext {
  /** The provider's name, e.g. `openai`. */
  readonly provider: string;
  /** The API key: masked in every field of every error built with this context. */
  readonly secret?: string | undefined;
  /** The response's request id, once there is one. */
  readonly requestId?: string | undefined;
}
