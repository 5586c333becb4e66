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
// embedding models
export { EmbeddingModel } from './embedding-model/embedding-model.js';
export { DEFAULT_MAX_PARALLEL_CALLS, type EmbeddingModelOptions } from './embedding-model/embedding-model-options.js';
export type { EmbedManyOptions } from './embedding-model/embed-many-options.js';
export type { EmbedManyResult, EmbeddingUsage } from './embedding-model/embed-many-result.js';
