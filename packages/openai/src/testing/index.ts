export { startMockOpenAIServer, type MockOpenAIServer } from './start-mock-openai-server.js';
export type { MockScript } from './mock-script.js';
export type {
  MockReply,
  MockChoiceReply,
  MockToolCall,
  MockFinishReason,
  MockUsage,
  MockPerplexityExtras,
  MockSearchResult,
} from './mock-reply.js';
export type { MockFaults, MockErrorBody } from './mock-faults.js';
export type { OpenAIRecordedRequest, OpenAIRequestBody } from './openai-request-body.js';
