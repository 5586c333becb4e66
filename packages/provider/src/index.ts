// The provider contract, version 1: types only.
export type { ChatModelProviderV1 } from './v1/chat-model-provider.js';
export type {
  ChatRequestV1,
  JsonSchema,
  ResponseFormatV1,
  SamplingParamsV1,
  ToolChoiceV1,
  ToolDefinitionV1,
} from './v1/chat-request.js';
export type {
  ChatStreamPartV1,
  FinishPartV1,
  MetadataPartV1,
  ReasoningDeltaPartV1,
  TextDeltaPartV1,
  ToolInputDeltaPartV1,
  ToolInputEndPartV1,
  ToolInputStartPartV1,
  UsagePartV1,
} from './v1/chat-stream-part.js';
export type {
  AssistantPromptMessageV1,
  ContentV1,
  ImageContentV1,
  PromptMessageV1,
  PromptToolCallV1,
  SystemPromptMessageV1,
  TextContentV1,
  ToolPromptMessageV1,
  UserPromptMessageV1,
} from './v1/prompt.js';
export type { FinishReasonV1, UsageV1 } from './v1/usage.js';
export type { ObserverV1, SubscribableV1, UnsubscribableV1 } from './v1/subscribable.js';
export type { EmbeddingModelProviderV1, EmbeddingRequestV1, EmbeddingResultV1 } from './v1/embedding-model-provider.js';
