import { InputError } from '@rivulet/core';
import { readEnv } from './read-env.js';

/** Where a provider's key may come from. */
export interface ApiKeySource {
  /** The key given in code; `null` says the endpoint needs none. */
  readonly apiKey: string | null | undefined;
  /** The environment variable read when `apiKey` is `undefined`, e.g. `OPENAI_API_KEY`. */
  readonly environmentVariable: string;
  /** The provider's name, for the error. */
  readonly provider: string;
}

/**
 * The API key to send: the option, else the environment variable; `undefined`
 * when `apiKey: null` says none is needed. No key at all is an `InputError`
 * naming both ways to give one, thrown before any request goes out.
 *
 * @example
 * ```ts
 * const key = resolveApiKey({ apiKey: options.apiKey, environmentVariable: 'ACME_API_KEY', provider: 'acme' });
 * ```
 */
export function resolveApiKey(source: ApiKeySource): string | undefined {
  if (source.apiKey === null) return undefined;
  const key = source.apiKey ?? readEnv(source.environmentVariable);
  if (key === undefined || key === '') {
    throw new InputError(
      `${source.provider}: no API key. Pass \`apiKey\`, set ${source.environmentVariable}, or pass \`apiKey: null\` for an endpoint that needs none.`,
    );
  }
  return key;
}
