import { InputError } from '@rivulet/core';
import type { SamplingParamsV1 } from '@rivulet/provider';

// Chat Completions parameters the Responses API has no field for.
const unsupported = ['stop', 'seed', 'presencePenalty', 'frequencyPenalty'] as const;

/**
 * Refuses sampling parameters the Responses API cannot take, before any
 * request: dropping them silently would change what the model does without a
 * word. `OpenAIChatModel` (Chat Completions) takes them all.
 */
export function checkSamplingParams(params: SamplingParamsV1, provider: string): void {
  const given: string[] = unsupported.filter((name) => params[name] !== undefined).map((name) => `\`${name}\``);
  if ((params.n ?? 1) > 1) given.push(`n = ${params.n}`);
  if (given.length === 0) return;
  throw new InputError(`${provider}: the Responses API does not support ${given.join(', ')}. Leave it out, or use OpenAIChatModel (Chat Completions).`);
}
