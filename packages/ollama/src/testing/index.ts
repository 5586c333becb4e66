// A loopback mock of Ollama's native API, for tests and offline demos.
export { startMockOllamaServer, type MockOllamaServer } from './start-mock-ollama-server.js';
export type { MockOllamaScript } from './mock-script.js';
export type { MockOllamaReply, MockOllamaToolCall, MockOllamaUsage } from './mock-reply.js';
export type { MockOllamaFaults, MockOllamaError, MockExtraLine } from './mock-faults.js';
export type { OllamaRecordedRequest, OllamaRequestBody } from './ollama-request-body.js';
export { MOCK_OLLAMA_VERSION } from './ollama-routes.js';
