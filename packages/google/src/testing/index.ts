// A loopback mock of the Gemini API's wire format, for offline tests and demos.
export { startMockGoogleServer, type MockGoogleServer } from './start-mock-google-server.js';
export type { MockScript } from './mock-script.js';
export type { MockReply, MockCandidateReply, MockFunctionCall, MockUsage } from './mock-reply.js';
export type { MockFaults, MockErrorBody } from './mock-faults.js';
export type { GoogleRecordedRequest, GoogleRequestBody, GoogleWireContent, GoogleEmbedRequest } from './google-request-body.js';
