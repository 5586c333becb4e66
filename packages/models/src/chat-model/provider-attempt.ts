import { retryWithBackoff } from '@rivulet/core';
import type { ChatModelProviderV1, ChatRequestV1, ChatStreamPartV1 } from '@rivulet/provider';
import type { Observable } from 'rxjs';
import { cachedParts } from '../cache/cached-parts.js';
import { estimateTokens } from '../rate-limit/estimate-tokens.js';
import { rateLimitedParts } from '../rate-limit/rate-limited-parts.js';
import type { ChatModelOptions } from './chat-model-options.js';
import { providerParts } from './provider-parts.js';

/**
 * One call to the provider: replayed from the model's cache when it holds
 * the reply, else sent once the rate budget has room, then bounded by the
 * idle timeout (waiting for the budget is not silence).
 */
export function providerAttempt(provider: ChatModelProviderV1, options: ChatModelOptions, request: Omit<ChatRequestV1, 'signal'>): Observable<ChatStreamPartV1> {
  const { cache, rateLimiter, idleTimeout: idleMs } = options;
  const call = (): Observable<ChatStreamPartV1> => providerParts(provider, request, idleMs);
  const limited = rateLimiter === undefined ? call : () => rateLimitedParts(rateLimiter, { requests: 1, tokens: estimateTokens(request) }, call);
  return cache === undefined ? limited() : cachedParts(cache, provider, request, limited);
}

/** `attempt` run again while it fails before its first value, as the model's `maxRetries` (default 2) and `retry` say. */
export function withModelRetries<T>(options: ChatModelOptions, attempt: () => Observable<T>): Observable<T> {
  return retryWithBackoff(attempt, { ...options.retry, maxAttempts: (options.maxRetries ?? 2) + 1 });
}
