import { conformanceFaults, describeProviderConformance, playConformanceScript, type ConformanceReply } from '@rivulet/provider-utils/testing';
import { startMockOllamaServer, type MockOllamaReply, type OllamaRecordedRequest } from '../testing/index.js';
import { OllamaChatModel } from './ollama-chat-model.js';

// Ollama needs no key; a hosted server or proxy does, and then it must never show.
const apiKey = 'ollama-test-conformance-secret';

/**
 * A neutral conformance reply as the mock Ollama server's reply. The faults
 * go through the kit's `conformanceFaults`: an Ollama stream has no line
 * before the first text line, so positions carry over unchanged; Ollama's
 * error body is `{"error": "<message>"}`, with no room for an error code;
 * Retry-After (a proxy's) is in seconds. A truncated stream lacks the `done`
 * line. Tool calls go whole and without ids, as Ollama sends them, and Ollama
 * says `stop` after tool calls too. Structured output is text under `format`,
 * and a 400 when the request asked for none.
 */
function toMockReply(reply: ConformanceReply, request: OllamaRecordedRequest): MockOllamaReply {
  return {
    ...(reply.text !== undefined && { text: reply.text }),
    ...(reply.reasoning !== undefined && { thinking: reply.reasoning }),
    ...(reply.toolCalls !== undefined && { toolCalls: reply.toolCalls.map((call) => ({ name: call.name, arguments: JSON.parse(call.arguments) as Record<string, unknown> })) }),
    ...(reply.structured !== undefined && structuredReply(reply.structured, request)),
    ...(reply.finishReason !== undefined && finishReply(reply.finishReason)),
    ...(reply.usage !== undefined && { usage: { promptEvalCount: reply.usage.inputTokens, evalCount: reply.usage.outputTokens } }),
    ...(reply.chunkSize !== undefined && { chunkSize: reply.chunkSize }),
    ...(reply.delayMs !== undefined && { delayMs: reply.delayMs }),
    ...conformanceFaults(reply, { leadingEvents: 0, retryAfter: 'seconds', error: ({ message }) => (message === undefined ? {} : { message }) }),
    ...(reply.truncate === true && { omitDone: true }),
  };
}

function structuredReply(json: string, request: OllamaRecordedRequest): MockOllamaReply {
  if (request.body?.format !== undefined) return { text: json };
  return { status: 400, error: { message: 'conformance: the request asked for no structured output (mock)' } };
}

/**
 * Ollama's `done_reason` for a neutral finish reason. Ollama has none for a
 * content filter, so that one is answered with a 400 saying so: the scenario
 * asking for it cannot apply to Ollama.
 */
function finishReply(reason: NonNullable<ConformanceReply['finishReason']>): MockOllamaReply {
  if (reason === 'content_filter') return { status: 400, error: { message: 'conformance: Ollama has no done_reason for a content filter (adapter)' } };
  return { doneReason: reason === 'length' ? 'length' : 'stop' };
}

describeProviderConformance({
  name: 'ollama',
  apiKey,
  wire: 'ndjson',
  // Each call arrives whole and without an id; Ollama has no content-filter reason; its error bodies carry no code.
  toolCalls: 'whole',
  finishReasons: ['stop', 'length', 'tool_calls'],
  errorCodes: false,
  // No tool choice in Ollama's API, so a forced tool cannot carry structured output.
  structuredOutputMethods: ['jsonSchema', 'jsonMode'],
  async startServer(script) {
    const server = await startMockOllamaServer(playConformanceScript(script, toMockReply));
    return {
      requests: server.requests,
      close: () => server.close(),
      model: (options) => new OllamaChatModel({ model: 'llama-test', apiKey, host: server.url, ...options }),
    };
  },
});
