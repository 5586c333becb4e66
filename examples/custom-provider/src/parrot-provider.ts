/**
 * A complete provider for the Parrot API (see parrot-server.ts): it maps one
 * normalised request to HTTP and the reply's lines to stream parts. Retries,
 * timeouts, aggregation, events and cancellation come from `ChatModel`.
 */
import type { ChatModelProviderV1, ChatRequestV1, ChatStreamPartV1, PromptMessageV1 } from '@rivulet/provider';
import { fromHttpResponse, fromTransportError, malformedEvent, providerError, requestIdOf, type ErrorContext } from '@rivulet/provider-utils';

/** One line of a Parrot reply. */
type ParrotLine =
  | { type: 'token'; text: string }
  | { type: 'done'; reason: string; usage: { input: number; output: number } }
  | { type: 'error'; message: string };

export class ParrotProvider implements ChatModelProviderV1 {
  readonly specificationVersion = 'v1' as const;
  readonly provider = 'parrot';
  readonly modelId: string;
  readonly #baseURL: string;

  constructor(modelId: string, baseURL: string) {
    this.modelId = modelId;
    this.#baseURL = baseURL;
  }

  // An async generator starts nothing until iterated, and `fetch` closes the
  // connection when `request.signal` aborts: two rules of the contract for free.
  async *doStream(request: ChatRequestV1): AsyncGenerator<ChatStreamPartV1> {
    let context: ErrorContext = { provider: this.provider };
    let response: Response;
    try {
      response = await fetch(`${this.#baseURL}/generate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: this.modelId, messages: request.messages.map(toParrot), max_tokens: request.params.maxTokens }),
        signal: request.signal,
      });
    } catch (error) {
      throw fromTransportError(error, context, request.signal, 'connect'); // AbortError, or a retryable connection_error
    }
    context = { ...context, requestId: requestIdOf(response) };
    // Status, code, request id, Retry-After and whether to retry, from any common error body.
    if (!response.ok || !response.body) throw await fromHttpResponse(response, context);
    try {
      for await (const line of lines(response.body)) {
        const event = parseLine(line, context);
        switch (event.type) {
          case 'token':
            yield { type: 'text-delta', text: event.text };
            break;
          case 'done': {
            const { input, output } = event.usage;
            yield { type: 'usage', usage: { inputTokens: input, outputTokens: output, totalTokens: input + output } };
            yield { type: 'finish', reason: event.reason === 'stop' ? 'stop' : 'other', rawReason: event.reason };
            break;
          }
          case 'error':
            // Mid-stream: the model already said something, so retrying would repeat it; ChatModel won't.
            throw providerError(context, event.message, { code: 'stream_error', retryable: false });
        }
      }
    } catch (error) {
      throw fromTransportError(error, context, request.signal, 'stream'); // Rivulet errors pass through
    }
  }
}

/** A line as a Parrot event; anything else is a `malformed_event`, never a TypeError later. */
function parseLine(line: string, context: ErrorContext): ParrotLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw malformedEvent(context, `not JSON: ${line.slice(0, 40)}`, error);
  }
  const type = (value as { type?: unknown } | null)?.type;
  if (type !== 'token' && type !== 'done' && type !== 'error') throw malformedEvent(context, `unknown line type ${String(type)}`);
  return value as ParrotLine;
}

function toParrot(message: PromptMessageV1): { role: string; text: string } {
  const role = { system: 'system', human: 'user', ai: 'assistant', tool: 'tool' }[message.role];
  return { role, text: message.text };
}

/** The lines of a body, decoded as they arrive. */
async function* lines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffered += decoder.decode(value, { stream: true }); // a character may be split between two reads
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line) yield line;
    }
  }
  if (buffered.trim()) yield buffered.trim();
}
