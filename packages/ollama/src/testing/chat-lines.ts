import { splitText } from '@rivulet/provider-utils/testing';
import type { MockOllamaReply } from './mock-reply.js';
import type { OllamaRequestBody } from './ollama-request-body.js';

/** A chat line as Ollama writes it, fields in Ollama's order. */
export type ChatLine = Record<string, unknown>;

/**
 * The lines of a chat reply, exactly as Ollama streams them: thinking
 * pieces (with `content: ""`), text pieces, tool calls (whole, no id, the
 * `index` left out for 0 as Go's `omitempty` does), then the `done` line
 * with `done_reason`, durations in ns and counts, zero values left out.
 */
export function chatLines(reply: MockOllamaReply, body: OllamaRequestBody | undefined): ChatLine[] {
  const model = reply.model ?? body?.model ?? 'mock-model';
  const line = (message: Record<string, unknown>): ChatLine => ({ model, created_at: new Date().toISOString(), message: { role: 'assistant', ...message }, done: false });
  const size = reply.chunkSize ?? 4;
  const lines: ChatLine[] = [
    ...splitText(reply.thinking ?? '', size).map((thinking) => line({ content: '', thinking })),
    ...splitText(reply.text ?? '', size).map((content) => line({ content })),
  ];
  const calls = (reply.toolCalls ?? []).map((call, index) => ({ function: { ...(index > 0 && { index }), name: call.name, arguments: call.arguments } }));
  if (reply.toolCallsInOneLine === true && calls.length > 0) lines.push(line({ content: '', tool_calls: calls }));
  else for (const call of calls) lines.push(line({ content: '', tool_calls: [call] }));
  const streamed = lines.length;
  lines.push(doneLine(model, reply, body, streamed));
  return lines;
}

function doneLine(model: string, reply: MockOllamaReply, body: OllamaRequestBody | undefined, streamed: number): ChatLine {
  const promptEvalCount = reply.usage?.promptEvalCount ?? Math.ceil(JSON.stringify(body?.messages ?? []).length / 4);
  const evalCount = reply.usage?.evalCount ?? streamed;
  return omitZero({
    model,
    created_at: new Date().toISOString(),
    message: { role: 'assistant', content: '' },
    done_reason: reply.doneReason ?? 'stop',
    done: true,
    total_duration: 1_000_000 * (streamed + 5),
    load_duration: 1_000_000,
    prompt_eval_count: promptEvalCount,
    prompt_eval_duration: 1_000_000,
    eval_count: evalCount,
    eval_duration: 1_000_000 * streamed,
  });
}

/** The metrics Ollama marks `omitempty` are left out when zero. */
function omitZero(line: ChatLine): ChatLine {
  return Object.fromEntries(Object.entries(line).filter(([key, value]) => value !== 0 || key === 'done'));
}
