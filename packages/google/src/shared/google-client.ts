import { GoogleGenAI } from '@google/genai';
import type { GoogleConnectionSettings } from './google-settings.js';
import { resolveGoogleApiKey } from './resolve-google-api-key.js';

/** The SDK client of a provider, with what its calls need to send and check requests. */
export interface GoogleConnection {
  readonly client: GoogleGenAI;
  /** The key sent (masked in every error), `undefined` with `apiKey: null`. */
  readonly apiKey: string | undefined;
  /** The `fetch` requests go out with. */
  readonly fetch: typeof fetch;
}

/**
 * Stands in for a key the SDK insists on (it would otherwise look for Google
 * Cloud credentials); the response tap removes its header, so it never leaves
 * the process.
 */
export const NO_KEY = 'rivulet-no-api-key';

/**
 * The `@google/genai` client for the Gemini API (never Vertex, whatever
 * `GOOGLE_GENAI_USE_VERTEXAI` says), made at a provider's first call so a
 * missing key is an `InputError` of the run, not of `new`. The SDK's own
 * retries stay off (it has none unless `retryOptions` is set): `ChatModel`
 * and `EmbeddingModel` retry.
 */
export function connectGoogle(settings: GoogleConnectionSettings, provider: string): GoogleConnection {
  const apiKey = resolveGoogleApiKey(settings.apiKey, provider);
  const client = new GoogleGenAI({
    vertexai: false,
    apiKey: apiKey ?? NO_KEY,
    httpOptions: {
      ...(settings.baseURL !== undefined && { baseUrl: settings.baseURL }),
      ...(settings.apiVersion !== undefined && { apiVersion: settings.apiVersion }),
      ...(settings.headers !== undefined && { headers: { ...settings.headers } }),
    },
  });
  return { client, apiKey, fetch: settings.fetch ?? ((input, init) => fetch(input, init)) };
}
