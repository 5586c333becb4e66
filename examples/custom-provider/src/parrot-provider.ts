/**
 * A complete provider for the Parrot API (see parrot-server.ts): it maps one
 * normalised request to HTTP and the reply's lines to stream parts. Retries,
 * timeouts, aggregation, events and cancellation come from `ChatModel`.
 */
import { isRetryableStatus, ProviderError, type Message } from '@rivulet/core';
import type { ChatModelProviderV1, ChatRequestV1, ChatStreamPartV1 } from '@rivulet/models';

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
    const response = await fetch(`${this.#baseURL}/generate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: this.modelId, messages: request.messages.map(toParrot), max_tokens: request.params.maxTokens }),
      signal: request.signal,
    });
    if (!response.ok || !response.body) throw await this.#httpError(response);
    const requestId = response.headers.get('x-request-id') ?? undefined;
    for await (const line of lines(response.body)) {
      const event = JSON.parse(line) as ParrotLine;
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
          throw new ProviderError(`parrot: ${event.message}`, { provider: this.provider, code: 'stream_error', requestId, retryable: false });
      }
    }
  }

  /** An HTTP failure as a typed error: status, code, request id, whether to retry, and when. */
  async #httpError(response: Response): Promise<ProviderError> {
    const body = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string } } | undefined;
    const retryAfter = Number(response.headers.get('retry-after'));
    return new ProviderError(`parrot: HTTP ${response.status}: ${body?.error?.message ?? response.statusText}`, {
      provider: this.provider,
      status: response.status,
      code: body?.error?.code,
      requestId: response.headers.get('x-request-id') ?? undefined,
      retryable: isRetryableStatus(response.status),
      ...(Number.isFinite(retryAfter) && retryAfter > 0 && { retryAfterMs: retryAfter * 1000 }),
    });
  }
}

function toParrot(message: Message): { role: string; text: string } {
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
