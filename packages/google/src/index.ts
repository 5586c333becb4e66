// Gemini chat
export { GoogleChatModel, type GoogleChatModelOptions } from './chat/google-chat-model.js';
export { GoogleProvider, type GoogleProviderSettings } from './chat/google-provider.js';
export type { GoogleMetadata } from './chat/google-metadata.js';
export { THOUGHT_SIGNATURES } from './chat/thought-signatures.js';
// Gemini embeddings
export { GoogleEmbeddingModel, type GoogleEmbeddingModelOptions } from './embedding/google-embedding-model.js';
export {
  GoogleEmbeddingModelProvider,
  GOOGLE_MAX_EMBEDDINGS_PER_CALL,
  type GoogleEmbeddingSettings,
} from './embedding/google-embedding-provider.js';
export type { GoogleConnectionSettings } from './shared/google-settings.js';
