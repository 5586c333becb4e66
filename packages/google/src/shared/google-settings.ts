/** Connection settings shared by Google's chat and embedding providers. */
export interface GoogleConnectionSettings {
  /**
   * Default: `GOOGLE_API_KEY`, else `GEMINI_API_KEY` (the SDK's order). `null`:
   * the endpoint needs no key (a proxy that adds it). No key at all is an `InputError`.
   */
  readonly apiKey?: string | null | undefined;
  /** Origin of the API, e.g. a proxy's. Default: `GOOGLE_GEMINI_BASE_URL`, else Google's. */
  readonly baseURL?: string | undefined;
  /** API version in the path (`v1`, `v1beta`). Default: the SDK's. */
  readonly apiVersion?: string | undefined;
  /** Extra headers on every request. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** A `fetch` to send requests with (a proxy, a test double of your own). */
  readonly fetch?: typeof fetch | undefined;
  /** Name in errors and events. Default `google`. */
  readonly providerName?: string | undefined;
}
