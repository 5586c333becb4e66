// fakes
export { FakeChatModel, type FakeChatModelOptions } from './fake/fake-chat-model.js';
export { FakeProvider, type FakePacing } from './fake/fake-provider.js';
export type { FakeReply, FakeToolCall } from './fake/fake-reply.js';

// the loopback mock of the OpenAI wire format
export {
  startMockOpenAIServer,
  type MockOpenAIServer,
  type MockScript,
  type MockReply,
  type MockChoiceReply,
  type MockToolCall,
  type MockFinishReason,
  type MockUsage,
  type MockPerplexityExtras,
  type MockSearchResult,
  type MockFaults,
  type MockErrorBody,
  type OpenAIRecordedRequest,
  type OpenAIRequestBody,
} from './mock-openai/index.js';

// building blocks for mocks of other providers' wire formats
export {
  startMockHttpServer,
  SseWriter,
  sendBody,
  sendJson,
  writeFlushed,
  dropConnection,
  stall,
  sleep,
  createScriptPlayer,
  ScriptExhaustedError,
  type MockHttpServer,
  type MockHttpServerOptions,
  type HttpExchange,
  type RecordedRequest,
  type RequestOutcome,
  type SseOpenOptions,
  type Script,
  type ScriptPlayer,
} from './mock-server/index.js';

// the provider conformance suite (runs on vitest)
export {
  describeProviderConformance,
  playConformanceScript,
  type ConformanceServer,
  type ProviderConformanceTarget,
  type ConformanceScript,
  type ConformanceReply,
  type ConformanceToolCall,
  type ConformanceUsage,
  type ConformanceFinishReason,
} from './conformance/index.js';
