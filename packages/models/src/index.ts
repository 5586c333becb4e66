// provider contract (v1)
export type { ChatModelProviderV1 } from './provider/v1/chat-model-provider.js';
export type {
  ChatRequestV1,
  JsonSchema,
  ResponseFormatV1,
  SamplingParamsV1,
  ToolChoiceV1,
  ToolDefinitionV1,
} from './provider/v1/chat-request.js';
export type {
  ChatStreamPartV1,
  FinishPartV1,
  MetadataPartV1,
  ReasoningDeltaPartV1,
  TextDeltaPartV1,
  ToolCallDeltaPartV1,
  UsagePartV1,
} from './provider/v1/chat-stream-part.js';

// chat models
export { ChatModel } from './chat-model/chat-model.js';
export type { ChatModelOptions } from './chat-model/chat-model-options.js';
export { toMessages, type ChatModelInput } from './chat-model/chat-model-input.js';
export type { ChoiceChunk } from './chat-model/choice-chunks.js';
export { toProviderError } from './chat-model/to-provider-error.js';
export { readEnv } from './chat-model/read-env.js';
export { tool, toToolDefinition, toJsonSchema, isTool, type Tool } from './chat-model/tool.js';
export { executeToolCalls } from './chat-model/execute-tool-calls.js';
export {
  structuredOutput,
  structuredOutputWithRaw,
  type RawAndParsed,
  type StructuredOutputMethod,
  type StructuredOutputOptions,
} from './chat-model/structured-output.js';

// OpenAI-compatible provider
export { OpenAIChatModel, type OpenAIChatModelOptions } from './openai/openai-chat-model.js';
export { OpenAIProvider, type OpenAIProviderSettings } from './openai/openai-provider.js';
