import { describe, expect, it } from 'vitest';
import { inspect } from 'node:util';
import { conformanceFaults, describeProviderConformance, playConformanceScript, type ConformanceReply } from '@rivulet/provider-utils/testing';
import { responsesBody, startMockOpenAIServer, type MockReply, type OpenAIRecordedRequest } from '../testing/index.js';
import { conformanceContent } from '../test-support/conformance-content.js';
import { OpenAIResponsesModel } from './openai-responses-model.js';

const apiKey = 'sk-test-responses-conformance-secret';

/**
 * A neutral conformance reply as the mock server's reply. The faults go
 * through the kit's `conformanceFaults`: the Responses stream sends four
 * events before the first text delta (`response.created`,
 * `response.in_progress`, `output_item.added`, `content_part.added`), and an
 * error code is the `code` of the error body and of the `error` event. A
 * truncated stream has no terminal event. Structured output is text under a
 * JSON `text.format`, the forced function's call under a forced tool choice,
 * and a 400 when the request asked for neither.
 */
function toMockReply(reply: ConformanceReply, request: OpenAIRecordedRequest): MockReply {
  const structured = reply.structured === undefined ? {} : structuredReply(reply.structured, request);
  return {
    ...conformanceContent(reply),
    ...structured,
    ...conformanceFaults(reply, {
      leadingEvents: 4,
      error: ({ message, code }) => ({ ...(message !== undefined && { message }), ...(code !== undefined && { code }) }),
    }),
    ...(reply.truncate === true && { omitFinishReason: true }),
  };
}

function structuredReply(json: string, request: OpenAIRecordedRequest): MockReply {
  const body = responsesBody(request);
  const forced = body?.tool_choice;
  if (typeof forced === 'object' && forced.type === 'function') return { toolCalls: [{ id: 'call_structured', name: forced.name, arguments: json }] };
  const format = body?.text?.format?.type;
  if (format === 'json_schema' || format === 'json_object') return { text: json };
  return { status: 400, error: { message: 'conformance: the request asked for no structured output (mock)' } };
}

describeProviderConformance({
  name: 'openai responses',
  apiKey,
  wire: 'sse',
  async startServer(script) {
    const server = await startMockOpenAIServer(playConformanceScript(script, toMockReply));
    return {
      requests: server.requests,
      close: () => server.close(),
      model: (options) => new OpenAIResponsesModel({ model: 'gpt-test', apiKey, baseURL: server.url, ...options }),
    };
  },
});

describe('OpenAIResponsesModel keeps its API key to itself', () => {
  it('never shows the key when serialized, inspected or derived', () => {
    const model = new OpenAIResponsesModel({ model: 'gpt-test', apiKey, baseURL: 'http://127.0.0.1:9/v1', temperature: 0 });
    expect(JSON.stringify(model)).not.toContain(apiKey);
    expect(inspect(model, { depth: 10, showHidden: true })).not.toContain(apiKey);
    expect(JSON.stringify(model.withOptions({ maxTokens: 5 }))).not.toContain(apiKey);
    expect(model.withOptions({ maxTokens: 5 })).toBeInstanceOf(OpenAIResponsesModel);
  });
});
