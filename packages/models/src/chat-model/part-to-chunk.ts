import { AIMessageChunk, ProviderError } from '@rivulet/core';
import type { ChatStreamPartV1 } from '@rivulet/provider';

/**
 * Turns one response's stream parts into message chunks. Stateful: tool
 * calls are keyed by id on the wire and by position in a message, so each
 * call gets the next index of its choice when it starts, and its fragments
 * carry that index (and its id). `tool-input-end` makes no chunk.
 */
export class PartToChunk {
  readonly #provider: string;
  /** Per choice: the index of each call id, in start order. */
  readonly #calls = new Map<number, Map<string, number>>();

  constructor(provider: string) {
    this.#provider = provider;
  }

  /** The chunk `part` stands for, or `undefined` when it adds nothing to the message. */
  map(part: ChatStreamPartV1): AIMessageChunk | undefined {
    switch (part.type) {
      case 'text-delta':
        return new AIMessageChunk({ content: part.text });
      case 'reasoning-delta':
        return new AIMessageChunk({ reasoning: part.text });
      case 'tool-input-start': {
        const calls = this.#callsOf(part.choice ?? 0);
        if (calls.has(part.id)) throw this.#malformed(`a second tool-input-start for call ${part.id}`);
        calls.set(part.id, calls.size);
        return new AIMessageChunk({ toolCallChunks: [{ index: calls.size - 1, id: part.id, name: part.name }] });
      }
      case 'tool-input-delta':
        return new AIMessageChunk({ toolCallChunks: [{ index: this.#indexOf(part.choice ?? 0, part.id), id: part.id, argsText: part.delta }] });
      case 'tool-input-end':
        this.#indexOf(part.choice ?? 0, part.id);
        return undefined;
      case 'usage':
        return new AIMessageChunk({ usage: part.usage });
      case 'finish':
        return new AIMessageChunk({
          finishReason: part.reason,
          ...(part.rawReason !== undefined && { responseMetadata: { finishReason: part.rawReason } }),
        });
      case 'metadata':
        return new AIMessageChunk({ responseMetadata: part.metadata });
    }
  }

  /**
   * {@link map} for a stream's observer: a malformed part's error goes to
   * `failed.error` and gives `undefined`, as does a part that makes no chunk.
   */
  mapOrFail(part: ChatStreamPartV1, failed: { error(error: unknown): void }): AIMessageChunk | undefined {
    try {
      return this.map(part);
    } catch (error) {
      failed.error(error);
      return undefined;
    }
  }

  #callsOf(choice: number): Map<string, number> {
    let calls = this.#calls.get(choice);
    if (calls === undefined) this.#calls.set(choice, (calls = new Map()));
    return calls;
  }

  #indexOf(choice: number, id: string): number {
    const index = this.#callsOf(choice).get(id);
    if (index === undefined) throw this.#malformed(`tool input for call ${id}, which never started`);
    return index;
  }

  #malformed(detail: string): ProviderError {
    return new ProviderError(`${this.#provider}: the provider streamed ${detail}.`, { provider: this.#provider, code: 'malformed_event', retryable: false });
  }
}
