// chat models
export { ChatModel } from './chat-model/chat-model.js';
export type { ChatModelOptions } from './chat-model/chat-model-options.js';
export { toMessages, type ChatModelInput } from './chat-model/chat-model-input.js';
export type { ChoiceChunk } from './chat-model/choice-chunks.js';
export { DEFAULT_IDLE_TIMEOUT_MS } from './chat-model/idle-timeout.js';
export { toProviderError } from './chat-model/to-provider-error.js';
export { tool, toToolDefinition, isTool, type Tool } from './chat-model/tool.js';
export { toJsonSchema } from './chat-model/output-schema.js';
export { executeToolCalls } from './chat-model/execute-tool-calls.js';
export {
  structuredOutput,
  structuredOutputWithRaw,
  type RawAndParsed,
  type StructuredOutputMethod,
  type StructuredOutputOptions,
} from './chat-model/structured-output.js';
export { DEFAULT_BATCH_CONCURRENCY } from './chat-model/batch-concurrency.js';
export type { ToolCallOf, ToolArgsOf, CallsAfterBinding } from './chat-model/bound-tool-calls.js';
export type { WithToolCalls, ModelToolCalls } from './chat-model/with-tool-calls.js';
export type { ChatResponseMetadata } from './chat-model/chat-response-metadata.js';
// cache and rate limits
export type { ModelCache, CachedResponse } from './cache/model-cache.js';
export { InMemoryCache, DEFAULT_MAX_CACHE_ENTRIES, type InMemoryCacheOptions } from './cache/in-memory-cache.js';
export { cacheKey } from './cache/cache-key.js';
export { rateLimiter } from './rate-limit/create-rate-limiter.js';
export type { RateLimiterOptions } from './rate-limit/rate-limiter-options.js';
export type { RateLimiter, RatePermit, RateCost, RateSettlement } from './rate-limit/rate-limiter.js';
export { estimateTokens, CHARS_PER_TOKEN } from './rate-limit/estimate-tokens.js';
export { RATE_RECOVERY_MS, MIN_RATE_FACTOR } from './rate-limit/throttle.js';
// For a rate limiter kept elsewhere (`RedisRateLimiter`): the same option checks and bucket sizes as `rateLimiter`.
export { rateBudgetShape, type RateBudgetShape, type RateBucketShape } from './rate-limit/rate-budget-shape.js';
// embedding models
export { EmbeddingModel } from './embedding-model/embedding-model.js';
export { DEFAULT_MAX_PARALLEL_CALLS, type EmbeddingModelOptions } from './embedding-model/embedding-model-options.js';
export type { EmbedManyOptions } from './embedding-model/embed-many-options.js';
export type { EmbedManyResult, EmbeddingUsage } from './embedding-model/embed-many-result.js';
