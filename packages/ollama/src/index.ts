// Chat on Ollama's native API
export { OllamaChatModel, type OllamaChatModelOptions } from './chat/ollama-chat-model.js';
export { OllamaProvider, type OllamaProviderSettings } from './chat/ollama-provider.js';
export type { OllamaMetadata } from './chat/ollama-metadata.js';
export type { OllamaChatDefaults } from './chat/to-ollama-request.js';
// Embeddings
export { OllamaEmbeddingModel, type OllamaEmbeddingModelOptions } from './embeddings/ollama-embedding-model.js';
export { OllamaEmbeddingProvider, type OllamaEmbeddingProviderSettings } from './embeddings/ollama-embedding-provider.js';
// Connection settings shared by both
export { DEFAULT_OLLAMA_HOST, type OllamaConnectionSettings } from './client/ollama-connection.js';
