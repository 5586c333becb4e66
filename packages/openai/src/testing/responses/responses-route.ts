import { sendJson, type HttpExchange, type ScriptPlayer } from '@rivulet/provider-utils/testing';
import type { MockReply } from '../mock-reply.js';
import { openAIErrorBody } from '../openai-error-body.js';
import type { OpenAIRecordedRequest, OpenAIRequestBody } from '../openai-request-body.js';
import { respondToResponses } from './respond-to-responses.js';

/**
 * `POST /v1/responses` of the mock OpenAI server: the next scripted reply
 * (the same script and player as Chat Completions, so an array script is
 * consumed across both routes in arrival order), written in the Responses
 * API's streaming format. A body that is not JSON is a 400; a script that
 * fails or ran out is a 500 saying why.
 */
export async function responsesRoute(exchange: HttpExchange<OpenAIRequestBody>, play: ScriptPlayer<MockReply, OpenAIRecordedRequest>): Promise<void> {
  const { record } = exchange;
  if (typeof record.body !== 'object' || record.body === null) {
    return sendJson(exchange, 400, openAIErrorBody(400, { message: 'We could not parse the JSON body of your request. (mock)' }));
  }
  let reply: MockReply;
  try {
    reply = await play(record);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return sendJson(exchange, 500, openAIErrorBody(500, { message, type: 'mock_script_error' }));
  }
  return respondToResponses(exchange, reply);
}
