import { createScriptPlayer, sendJson, type HttpExchange } from '@rivulet/provider-utils/testing';
import type { AnthropicMockRequestBody } from './anthropic-request-record.js';
import { anthropicErrorBody } from './anthropic-error-body.js';
import { echoReply } from './echo-reply.js';
import type { MockAnthropicScript } from './mock-anthropic-script.js';
import { respondToMessages } from './respond-to-messages.js';
import { validateRequest } from './validate-request.js';

type AnthropicExchange = HttpExchange<AnthropicMockRequestBody>;

/**
 * The request handler of the mock Anthropic server: `POST /v1/messages`
 * checks the request as the API does, then plays the script; anything else
 * is a 404 with an Anthropic error body. Only valid requests consume script
 * entries, so a client bug shows as the API's own 400, not as a shifted script.
 */
export function anthropicRoutes(script: MockAnthropicScript | undefined): (exchange: AnthropicExchange) => Promise<void> {
  const play = createScriptPlayer(script, echoReply);
  return async (exchange) => {
    const { method, path, requestId } = exchange.record;
    if (path.split('?')[0] !== '/v1/messages' || method !== 'POST') {
      return sendJson(exchange, 404, anthropicErrorBody(404, { message: `Not found: ${method} ${path} (mock Anthropic server)` }, requestId));
    }
    const problem = validateRequest(exchange.record);
    if (problem) return sendJson(exchange, problem.status, anthropicErrorBody(problem.status, { message: problem.message }, requestId));
    let reply;
    try {
      reply = await play(exchange.record);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return sendJson(exchange, 500, anthropicErrorBody(500, { type: 'api_error', message }, requestId));
    }
    return respondToMessages(exchange, reply);
  };
}
