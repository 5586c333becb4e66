// Chat Completions: OpenAI and every OpenAI-compatible endpoint
export { OpenAIChatModel, type OpenAIChatModelOptions } from './chat/openai-chat-model.js';
export { OpenAIProvider, type OpenAIProviderSettings } from './chat/openai-provider.js';
export type { OpenAIChatMetadata, PerplexitySearchResult } from './chat/openai-chat-metadata.js';
// Embeddings: OpenAI and every OpenAI-compatible endpoint
export { OpenAIEmbeddingModel, type OpenAIEmbeddingModelOptions } from './embeddings/openai-embedding-model.js';
export {
  OpenAIEmbeddingProvider,
  OPENAI_MAX_EMBEDDINGS_PER_CALL,
  type OpenAIEmbeddingProviderSettings,
} from './embeddings/openai-embedding-provider.js';
export type { OpenAIEmbeddingParams } from './embeddings/to-openai-embedding-request.js';
// The Responses API: OpenAI's primary API for new models and features
export { OpenAIResponsesModel, type OpenAIResponsesModelOptions } from './responses/openai-responses-model.js';
export { OpenAIResponsesProvider, type OpenAIResponsesProviderSettings } from './responses/openai-responses-provider.js';
export type { OpenAIResponsesProviderOptions } from './responses/openai-responses-provider-options.js';
