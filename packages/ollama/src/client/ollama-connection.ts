import { readEnv } from '@rivulet/provider-utils';

/** Where and how to reach an Ollama server; shared by chat and embeddings. */
export interface OllamaConnectionSettings {
  /** Default: `OLLAMA_HOST`, else `http://127.0.0.1:11434`. Forms the `ollama` client accepts (`host:port`, a path prefix behind a proxy) work. */
  readonly host?: string | undefined;
  /** Extra request headers (a proxy's, a tenant's). */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /**
   * Ollama itself needs no key; hosted Ollama and authenticating proxies do.
   * Sent as `Authorization: Bearer <apiKey>` and masked in every error. Without
   * it, the `ollama` client sends `OLLAMA_API_KEY` to `https://ollama.com`
   * only; that key is masked too.
   */
  readonly apiKey?: string | undefined;
  /** A `fetch` to send requests with (a proxy agent, a test double of your own). */
  readonly fetch?: typeof fetch | undefined;
  /** Name in errors and events. Default `ollama`. */
  readonly providerName?: string | undefined;
}

/** The settings resolved for sending: host, headers, fetch, and the secret errors must mask. */
export interface OllamaConnection {
  readonly host: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly fetch: typeof fetch;
  /** The key that may travel with a request (ours or the client's `OLLAMA_API_KEY`), masked in errors. */
  readonly secret: string | undefined;
}

/** Ollama's default address. */
export const DEFAULT_OLLAMA_HOST = 'http://127.0.0.1:11434';

/** Resolves connection settings against the environment (read when called). */
export function resolveOllamaConnection(settings: OllamaConnectionSettings): OllamaConnection {
  const { apiKey } = settings;
  return {
    host: settings.host ?? readEnv('OLLAMA_HOST') ?? DEFAULT_OLLAMA_HOST,
    headers: { ...settings.headers, ...(apiKey !== undefined && apiKey !== '' && { Authorization: `Bearer ${apiKey}` }) },
    // Looked up per call, not captured, so a fetch installed later (a test's interceptor, a polyfill) is used.
    fetch: settings.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    secret: apiKey || readEnv('OLLAMA_API_KEY'),
  };
}
