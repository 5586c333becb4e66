import {
  createScriptPlayer,
  faultHeaders,
  playFaultsBeforeReply,
  sendJson,
  sendJsonWithFaults,
  type HttpExchange,
} from '@rivulet/provider-utils/testing';
import { defaultMockModel } from '../models-list.js';
import { openAIErrorBody } from '../openai-error-body.js';
import { openAIFaultWire } from '../openai-fault-wire.js';
import { buildEmbeddingList } from './build-embedding-list.js';
import { embeddingInputs } from './embedding-inputs.js';
import type { MockEmbeddingReply, MockEmbeddingScript, OpenAIEmbeddingRecordedRequest } from './mock-embedding-reply.js';

/**
 * The handler of `POST /v1/embeddings`: checks the request as OpenAI does
 * (a 400 for a body that is not JSON, an empty input, more than 2048
 * inputs), plays the script's faults, then answers with one vector per input.
 */
export function embeddingsRoute(script: MockEmbeddingScript | undefined): (exchange: HttpExchange) => Promise<void> {
  const play = createScriptPlayer<MockEmbeddingReply, OpenAIEmbeddingRecordedRequest>(script, () => ({}));
  return async (exchange) => {
    const record = exchange.record as OpenAIEmbeddingRecordedRequest;
    const body = record.body;
    if (typeof body !== 'object' || body === null) return refuse(exchange, 'We could not parse the JSON body of your request. (mock)');
    const inputs = embeddingInputs(body.input);
    if ('refusal' in inputs) return refuse(exchange, inputs.refusal, 'input');
    let reply: MockEmbeddingReply;
    try {
      reply = await play(record);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return sendJson(exchange, 500, openAIErrorBody(500, { message, type: 'mock_script_error' }));
    }
    const headers = faultHeaders(reply, exchange);
    if (await playFaultsBeforeReply(exchange, reply, openAIFaultWire, headers)) return;
    const list = buildEmbeddingList(reply, {
      texts: inputs.texts,
      model: typeof body.model === 'string' ? body.model : defaultMockModel,
      dimensions: typeof body.dimensions === 'number' ? body.dimensions : undefined,
      base64: body.encoding_format === 'base64',
    });
    return sendJsonWithFaults(exchange, list, reply, headers);
  };
}

function refuse(exchange: HttpExchange, message: string, param?: string): void {
  sendJson(exchange, 400, openAIErrorBody(400, { message, ...(param !== undefined && { param }) }));
}
