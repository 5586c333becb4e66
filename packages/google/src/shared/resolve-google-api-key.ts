import { readEnv, resolveApiKey } from '@rivulet/provider-utils';

/**
 * The key to send: the option, else `GOOGLE_API_KEY`, else `GEMINI_API_KEY`
 * (the order `@google/genai` uses); `undefined` when `apiKey: null` says none
 * is needed. No key at all is an `InputError` before any request.
 */
export function resolveGoogleApiKey(apiKey: string | null | undefined, provider: string): string | undefined {
  return resolveApiKey({ apiKey: apiKey === undefined ? readEnv('GOOGLE_API_KEY') : apiKey, environmentVariable: 'GEMINI_API_KEY', provider });
}
