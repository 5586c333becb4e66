import { faultHeaders, playEventStream, playFaultsBeforeReply, sendJsonWithFaults, type HttpExchange } from '@rivulet/provider-utils/testing';
import type { MockReply } from '../mock-reply.js';
import type { OpenAIRequestBody } from '../openai-request-body.js';
import { buildResponseEvents, finalResponse } from './build-response-events.js';
import { planResponse } from './plan-response.js';
import { responsesFaultWire } from './responses-fault-wire.js';

/**
 * Answers one `POST /v1/responses` with a reply: the faults that act before
 * or instead of a response first (the kit's schedule, with OpenAI's error
 * body), then the Responses event stream with the stream faults at their
 * positions, or the finished response object when no stream was asked for.
 * `omitFinishReason` leaves out the terminal event; `omitDone` changes
 * nothing (the Responses stream has no `[DONE]`).
 */
export async function respondToResponses(exchange: HttpExchange<OpenAIRequestBody>, reply: MockReply): Promise<void> {
  const headers = faultHeaders(reply, exchange);
  const wire = responsesFaultWire(reply.errorEventAfterChunks ?? 0);
  if (await playFaultsBeforeReply(exchange, reply, wire, headers)) return;
  const plan = planResponse(reply, exchange.record);
  if (plan.body.stream !== true) return sendJsonWithFaults(exchange, finalResponse(plan), reply, headers);
  await playEventStream(exchange, { events: buildResponseEvents(plan), faults: reply, wire, headers, delayMs: reply.delayMs });
}
