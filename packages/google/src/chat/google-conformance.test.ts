import {
  conformanceFaults,
  describeProviderConformance,
  playConformanceScript,
  type ConformanceFinishReason,
  type ConformanceReply,
} from '@rivulet/provider-utils/testing';
import { startMockGoogleServer, type GoogleRecordedRequest, type MockReply } from '../testing/index.js';
import { GoogleChatModel } from './google-chat-model.js';

const apiKey = 'AIza-test-conformance-secret';

const finishReasons: Readonly<Record<ConformanceFinishReason, string>> = {
  stop: 'STOP',
  // Gemini says STOP after function calls too; the provider tells them apart.
  tool_calls: 'STOP',
  length: 'MAX_TOKENS',
  content_filter: 'SAFETY',
};

/**
 * A neutral conformance reply as the mock Gemini server's reply. Gemini sends
 * nothing before its first content chunk, so fault positions need no offset.
 * Structured output is text under a JSON response MIME type, and a 400 when
 * the request asked for none.
 */
function toMockReply(reply: ConformanceReply, request: GoogleRecordedRequest): MockReply {
  return {
    ...(reply.text !== undefined && { text: reply.text }),
    ...(reply.reasoning !== undefined && { thoughts: reply.reasoning }),
    ...(reply.toolCalls !== undefined && {
      functionCalls: reply.toolCalls.map((call) => ({ id: call.id, name: call.name, args: JSON.parse(call.arguments) as Record<string, unknown> })),
    }),
    ...(reply.structured !== undefined && structuredReply(reply.structured, request)),
    ...(reply.finishReason !== undefined && { finishReason: finishReasons[reply.finishReason] }),
    ...(reply.usage !== undefined && { usage: { promptTokenCount: reply.usage.inputTokens, candidatesTokenCount: reply.usage.outputTokens } }),
    ...(reply.chunkSize !== undefined && { chunkSize: reply.chunkSize }),
    ...(reply.delayMs !== undefined && { delayMs: reply.delayMs }),
    ...(reply.truncate === true && { truncate: true }),
    ...conformanceFaults(reply, {
      leadingEvents: 0,
      error: ({ message, code }) => ({ ...(message !== undefined && { message }), ...(code !== undefined && { status: code }) }),
    }),
  };
}

function structuredReply(json: string, request: GoogleRecordedRequest): MockReply {
  if (request.body?.generationConfig?.['responseMimeType'] === 'application/json') return { text: json };
  return { status: 400, error: { message: 'conformance: the request asked for no JSON output (mock)' } };
}

describeProviderConformance({
  name: 'google',
  apiKey,
  // Thought summaries stream as `thought: true` parts before the answer.
  reasoning: true,
  // Gemini streams a function call whole, in one event (partial arguments are Vertex-only).
  toolCalls: 'whole',
  // Gemini's own structured output is responseMimeType + responseJsonSchema
  // (jsonSchema) or responseMimeType alone (jsonMode), both streamed as text.
  // A forced function call (`tool`) arrives whole in one event, so it cannot
  // stream partial objects as the suite demands.
  structuredOutputMethods: ['jsonSchema', 'jsonMode'],
  async startServer(script) {
    const server = await startMockGoogleServer(playConformanceScript(script, toMockReply));
    return {
      requests: server.requests,
      close: () => server.close(),
      model: (options) => new GoogleChatModel({ model: 'gemini-test', apiKey, baseURL: server.url, ...options }),
    };
  },
});
