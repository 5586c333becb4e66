import { OpenAIChatModel } from '@rivulet/models';
import {
  describeProviderConformance,
  playConformanceScript,
  startMockOpenAIServer,
  type ConformanceReply,
  type MockReply,
  type OpenAIRecordedRequest,
} from '@rivulet/models/testing';

const apiKey = 'sk-test-conformance-secret';

/** The OpenAI mock streams a role chunk before the first content delta. */
const wire = (chunks: number): number => chunks + 1;

/**
 * A neutral conformance reply as the mock OpenAI server's reply. Structured
 * output is text under a JSON response format, the forced tool's call under a
 * forced tool choice, and a 400 when the request asked for neither.
 */
function toMockReply(reply: ConformanceReply, request: OpenAIRecordedRequest): MockReply {
  const structured = reply.structured === undefined ? {} : structuredReply(reply.structured, request);
  return {
    ...(reply.text !== undefined && { text: reply.text }),
    ...(reply.reasoning !== undefined && { reasoning: reply.reasoning }),
    ...(reply.toolCalls !== undefined && { toolCalls: reply.toolCalls }),
    ...structured,
    ...(reply.finishReason !== undefined && { finishReason: reply.finishReason }),
    ...(reply.usage !== undefined && { usage: { promptTokens: reply.usage.inputTokens, completionTokens: reply.usage.outputTokens } }),
    ...(reply.chunkSize !== undefined && { chunkSize: reply.chunkSize }),
    ...(reply.delayMs !== undefined && { delayMs: reply.delayMs }),
    ...(reply.status !== undefined && { status: reply.status }),
    ...(reply.retryAfterMs !== undefined && { retryAfterMs: reply.retryAfterMs }),
    ...(reply.errorMessage !== undefined && { error: { message: reply.errorMessage } }),
    ...(reply.headersDelayMs !== undefined && { headersDelayMs: reply.headersDelayMs }),
    ...(reply.stallAfterChunks !== undefined && { stallAfterChunks: wire(reply.stallAfterChunks) }),
    ...(reply.dropAfterChunks !== undefined && { dropAfterChunks: wire(reply.dropAfterChunks) }),
    ...(reply.errorEventAfterChunks !== undefined && { errorEventAfterChunks: wire(reply.errorEventAfterChunks) }),
    ...(reply.malformedAfterChunks !== undefined && { malformedAfterChunks: wire(reply.malformedAfterChunks) }),
    ...(reply.truncate === true && { omitDone: true, omitFinishReason: true }),
  };
}

function structuredReply(json: string, request: OpenAIRecordedRequest): MockReply {
  const forced = request.body?.tool_choice;
  if (typeof forced === 'object' && forced.type === 'function') return { toolCalls: [{ id: 'call_structured', name: forced.function.name, arguments: json }] };
  if (request.body?.response_format?.type === 'json_schema' || request.body?.response_format?.type === 'json_object') return { text: json };
  return { status: 400, error: { message: 'conformance: the request asked for no structured output (mock)' } };
}

describeProviderConformance({
  name: 'openai',
  apiKey,
  async startServer(script) {
    const server = await startMockOpenAIServer(playConformanceScript(script, toMockReply));
    return {
      requests: server.requests,
      close: () => server.close(),
      model: (options) => new OpenAIChatModel({ model: 'gpt-test', apiKey, baseURL: server.url, ...options }),
    };
  },
});
