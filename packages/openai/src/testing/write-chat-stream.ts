import type { HttpExchange } from '../mock-server/http-exchange.js';
import { dropConnection } from '../mock-server/drop-connection.js';
import { SseWriter } from '../mock-server/sse-writer.js';
import { sleep } from '../mock-server/sleep.js';
import { stall } from '../mock-server/stall.js';
import type { MockReply } from './mock-reply.js';
import type { CompletionPlan } from './plan-completion.js';
import { buildChunks } from './build-chunks.js';
import { errorObject, openAIErrorBody } from './openai-error-body.js';

// Looks like the start of a real chunk, so a lenient client cannot guess its way past it.
const malformedData = '{"id":"chatcmpl-mock","object":"chat.completion.chunk","choices":[{"delta":{"content":"unterminated';

/**
 * Streams a reply as OpenAI does (`data: <chunk>` events, then
 * `data: [DONE]`), injecting the reply's stream faults at their positions.
 */
export async function writeChatStream(
  exchange: HttpExchange,
  reply: MockReply,
  plan: CompletionPlan,
  headers: Readonly<Record<string, string>>,
): Promise<void> {
  const sse = new SseWriter(exchange);
  sse.start({ headers });
  const chunks = buildChunks(plan);
  for (let position = 0; position <= chunks.length; position++) {
    if (reply.stallAfterChunks === position) await stall(reply.stallMs, exchange.signal);
    if (!sse.open) return;
    if (reply.dropAfterChunks === position) return dropConnection(exchange);
    if (reply.errorEventAfterChunks === position) {
      await sse.json(openAIErrorBody(undefined, errorObject(reply.error)));
      return sse.end();
    }
    if (reply.malformedAfterChunks === position) await sse.event(malformedData);
    const chunk = chunks[position];
    if (chunk === undefined) break;
    if (position > 0 && reply.delayMs !== undefined) await sleep(reply.delayMs, exchange.signal);
    await sse.json(chunk);
  }
  if (!reply.omitDone) await sse.event('[DONE]');
  sse.end();
}
