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
// The Responses API route (`POST /v1/responses`) plays the same scripts; these read its requests.
export { responsesBody, isResponsesRequest, type OpenAIResponsesRequestBody } from './responses/responses-request-body.js';
export type { MockOpenAIServerOptions } from './start-mock-openai-server.js';
export type { MockEmbeddingReply, MockEmbeddingScript, OpenAIEmbeddingRecordedRequest } from './embeddings/mock-embedding-reply.js';
