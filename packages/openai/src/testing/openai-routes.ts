import type { HttpExchange } from '@rivulet/provider-utils/testing';
import { createScriptPlayer, type ScriptPlayer } from '@rivulet/provider-utils/testing';
import { sendJson } from '@rivulet/provider-utils/testing';
import type { MockReply } from './mock-reply.js';
import type { MockScript } from './mock-script.js';
import type { OpenAIRecordedRequest, OpenAIRequestBody } from './openai-request-body.js';
import { modelsList } from './models-list.js';
import { openAIErrorBody } from './openai-error-body.js';
import { respondToChat } from './respond-to-chat.js';
import { embeddingsRoute } from './embeddings/embeddings-route.js';
import type { MockOpenAIServerOptions } from './start-mock-openai-server.js';
import { echoByRoute } from './responses/echo-by-route.js';
import { responsesRoute } from './responses/responses-route.js';

type OpenAIExchange = HttpExchange<OpenAIRequestBody>;

/**
 * The request handler of the mock OpenAI server: `POST /v1/chat/completions`
 * and `POST /v1/responses` play the script, `POST /v1/embeddings` the
 * embeddings script of `options`, `GET /v1/models` lists models, anything
 * else is a 404 with an OpenAI error body.
 */
export function openAIRoutes(script: MockScript | undefined, options: MockOpenAIServerOptions = {}): (exchange: OpenAIExchange) => Promise<void> {
  const play = createScriptPlayer(script, echoByRoute);
  const embeddings = embeddingsRoute(options.embeddings);
  return async (exchange) => {
    const { method, path } = exchange.record;
    const pathname = path.split('?')[0];
    if (pathname === '/v1/chat/completions' && method === 'POST') return chat(exchange, play);
    if (pathname === '/v1/responses' && method === 'POST') return responsesRoute(exchange, play);
    if (pathname === '/v1/embeddings' && method === 'POST') return embeddings(exchange);
    if (pathname === '/v1/models' && method === 'GET') return sendJson(exchange, 200, modelsList());
    sendJson(
      exchange,
      404,
      openAIErrorBody(404, {
        message: `Unknown request URL: ${method} ${path}. (mock OpenAI server)`,
        code: 'unknown_url',
      }),
    );
  };
}

async function chat(exchange: OpenAIExchange, play: ScriptPlayer<MockReply, OpenAIRecordedRequest>): Promise<void> {
  const { record } = exchange;
  if (typeof record.body !== 'object' || record.body === null) {
    const message = 'We could not parse the JSON body of your request. (mock)';
    return sendJson(exchange, 400, openAIErrorBody(400, { message }));
  }
  let reply: MockReply;
  try {
    reply = await play(record);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return sendJson(exchange, 500, openAIErrorBody(500, { message, type: 'mock_script_error' }));
  }
  return respondToChat(exchange, reply);
}
