import { OpenAIChatModel } from './openai-chat-model.js';
import { conformanceFaults, describeProviderConformance, playConformanceScript, type ConformanceReply } from '@rivulet/provider-utils/testing';
import { startMockOpenAIServer, type MockReply, type OpenAIRecordedRequest } from '../testing/index.js';
import { conformanceContent } from '../test-support/conformance-content.js';

const apiKey = 'sk-test-conformance-secret';

/**
 * A neutral conformance reply as the mock OpenAI server's reply. The faults go
 * through the kit's `conformanceFaults` (the mock streams a role chunk before
 * the first content delta; an error code is echoed as `error.code` and
 * `error.type`); a truncated stream has no finish chunk and no `[DONE]`. Structured
 * output is text under a JSON response format, the forced tool's call under a
 * forced tool choice, and a 400 when the request asked for neither.
 */
function toMockReply(reply: ConformanceReply, request: OpenAIRecordedRequest): MockReply {
  const structured = reply.structured === undefined ? {} : structuredReply(reply.structured, request);
  return {
    ...conformanceContent(reply),
    ...structured,
    ...conformanceFaults(reply, {
      leadingEvents: 1,
      error: ({ message, code }) => ({ ...(message !== undefined && { message }), ...(code !== undefined && { code, type: code }) }),
    }),
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
  wire: 'sse',
  async startServer(script) {
    const server = await startMockOpenAIServer(playConformanceScript(script, toMockReply));
    return {
      requests: server.requests,
      close: () => server.close(),
      model: (options) => new OpenAIChatModel({ model: 'gpt-test', apiKey, baseURL: server.url, ...options }),
    };
  },
});
