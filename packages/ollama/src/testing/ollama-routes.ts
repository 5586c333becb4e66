import type { HttpExchange, ScriptPlayer } from '@rivulet/provider-utils/testing';
import { createScriptPlayer, faultHeaders, playFaultsBeforeReply, sendBody, sendJson } from '@rivulet/provider-utils/testing';
import { answerVerbatim } from './answer-verbatim.js';
import { chatLines } from './chat-lines.js';
import { echoReply } from './echo-reply.js';
import type { MockOllamaReply } from './mock-reply.js';
import type { MockOllamaScript } from './mock-script.js';
import type { OllamaRecordedRequest, OllamaRequestBody } from './ollama-request-body.js';
import { ollamaFaultWire } from './ollama-fault-wire.js';
import { respondToEmbed } from './respond-to-embed.js';
import { writeChatResponse } from './write-chat-response.js';
import { writeChatStream } from './write-chat-stream.js';

type OllamaExchange = HttpExchange<OllamaRequestBody>;

/** The version `GET /api/version` reports. */
export const MOCK_OLLAMA_VERSION = '0.12.0-mock';

/**
 * The request handler of the mock Ollama server: `POST /api/chat` and
 * `POST /api/embed` play the script, `GET /api/version` and `GET /` answer
 * as Ollama does, anything else is Ollama's plain-text 404.
 */
export function ollamaRoutes(script: MockOllamaScript | undefined): (exchange: OllamaExchange) => Promise<void> {
  const play = createScriptPlayer(script, echoReply);
  return async (exchange) => {
    const { method, path } = exchange.record;
    const pathname = path.split('?')[0];
    if (method === 'POST' && (pathname === '/api/chat' || pathname === '/api/embed')) {
      const reply = await scripted(exchange, play);
      if (reply === undefined) return;
      return pathname === '/api/chat' ? chat(exchange, reply) : respondToEmbed(exchange, reply);
    }
    if (method === 'GET' && pathname === '/api/version') return sendJson(exchange, 200, { version: MOCK_OLLAMA_VERSION });
    if (method === 'GET' && pathname === '/') return sendBody(exchange, 200, 'text/plain; charset=utf-8', 'Ollama is running');
    sendBody(exchange, 404, 'text/plain', '404 page not found');
  };
}

/** The reply for a request, or `undefined` after answering a bad body or an exhausted script. */
async function scripted(exchange: OllamaExchange, play: ScriptPlayer<MockOllamaReply, OllamaRecordedRequest>): Promise<MockOllamaReply | undefined> {
  if (typeof exchange.record.body !== 'object' || exchange.record.body === null) {
    sendJson(exchange, 400, { error: 'invalid character in request body (mock)' });
    return undefined;
  }
  try {
    return await play(exchange.record);
  } catch (error) {
    sendJson(exchange, 500, { error: error instanceof Error ? error.message : String(error) });
    return undefined;
  }
}

async function chat(exchange: OllamaExchange, reply: MockOllamaReply): Promise<void> {
  const headers = faultHeaders(reply, exchange);
  if ((await playFaultsBeforeReply(exchange, reply, ollamaFaultWire, headers)) || answerVerbatim(exchange, reply, headers)) return;
  const lines = chatLines(reply, exchange.record.body);
  // Ollama streams unless the request says `"stream": false`.
  if (exchange.record.body?.stream === false) return writeChatResponse(exchange, reply, lines, headers);
  return writeChatStream(exchange, reply, lines, headers);
}
