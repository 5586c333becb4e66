import type { HttpExchange } from '@rivulet/provider-utils/testing';
import { createScriptPlayer, sendJson } from '@rivulet/provider-utils/testing';
import { echoReply } from './echo-reply.js';
import { googleErrorBody } from './google-error-body.js';
import type { GoogleRecordedRequest, GoogleRequestBody } from './google-request-body.js';
import type { MockReply } from './mock-reply.js';
import type { MockScript } from './mock-script.js';
import { modelRoute } from './model-route.js';
import { respondToEmbed } from './respond-to-embed.js';
import { respondToGenerate } from './respond-to-generate.js';

type GoogleExchange = HttpExchange<GoogleRequestBody>;

const SCRIPTED = new Set(['streamGenerateContent', 'batchEmbedContents', 'embedContent']);

/**
 * The request handler of the mock Gemini server: `POST
 * /{version}/models/{model}:streamGenerateContent`, `:batchEmbedContents`
 * and `:embedContent` play the script (in one order, whichever the route);
 * anything else is a 404 with a Google error body.
 */
export function googleRoutes(script: MockScript | undefined): (exchange: GoogleExchange) => Promise<void> {
  const play = createScriptPlayer<MockReply, GoogleRecordedRequest>(script, echoReply);
  return async (exchange) => {
    const { method, path, body } = exchange.record;
    const route = modelRoute(path);
    if (route === undefined || method !== 'POST' || !SCRIPTED.has(route.method)) {
      return sendJson(exchange, 404, googleErrorBody(404, { message: `The mock Gemini server has no ${method} ${path}.` }));
    }
    if (route.method === 'streamGenerateContent' && !route.sse) {
      // Without alt=sse Google streams one JSON array; this mock speaks only the SSE form.
      return sendJson(exchange, 400, googleErrorBody(400, { message: 'The mock Gemini server streams only with alt=sse.' }));
    }
    if (typeof body !== 'object' || body === null) {
      return sendJson(exchange, 400, googleErrorBody(400, { message: 'Invalid JSON payload received. (mock)' }));
    }
    let reply: MockReply;
    try {
      reply = await play(exchange.record);
    } catch (error) {
      return sendJson(exchange, 500, googleErrorBody(500, { message: error instanceof Error ? error.message : String(error) }));
    }
    if (route.method === 'streamGenerateContent') return respondToGenerate(exchange, route, reply);
    return respondToEmbed(exchange, route, reply);
  };
}
