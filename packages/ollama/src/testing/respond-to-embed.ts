import { faultHeaders, playFaultsBeforeReply, sendJsonWithFaults, type HttpExchange } from '@rivulet/provider-utils/testing';
import { answerVerbatim } from './answer-verbatim.js';
import { embedVector } from './embed-vector.js';
import type { MockOllamaReply } from './mock-reply.js';
import type { OllamaRequestBody } from './ollama-request-body.js';
import { ollamaFaultWire } from './ollama-fault-wire.js';

/**
 * Answers `POST /api/embed` as Ollama does: `{ model, embeddings,
 * total_duration, load_duration, prompt_eval_count }`, one vector per input
 * (a string input is one text), `dimensions` long (8 unless asked).
 */
export async function respondToEmbed(exchange: HttpExchange<OllamaRequestBody>, reply: MockOllamaReply): Promise<void> {
  const headers = faultHeaders(reply, exchange);
  if ((await playFaultsBeforeReply(exchange, reply, ollamaFaultWire, headers)) || answerVerbatim(exchange, reply, headers)) return;
  const body = exchange.record.body;
  const inputs = typeof body?.input === 'string' ? [body.input] : (body?.input ?? []);
  const dimensions = body?.dimensions ?? 8;
  const answer = {
    model: reply.model ?? body?.model ?? 'mock-embed',
    embeddings: reply.embeddings ?? inputs.map((text) => embedVector(String(text), dimensions)),
    total_duration: 2_000_000,
    load_duration: 1_000_000,
    prompt_eval_count: reply.usage?.promptEvalCount ?? inputs.reduce((sum, text) => sum + Math.ceil(String(text).length / 4), 0),
  };
  await sendJsonWithFaults(exchange, answer, reply, headers);
}
