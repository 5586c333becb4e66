import type { OpenAIRecordedRequest } from '@rivulet/openai/testing';

/** Lets a test wait until the mock model received a given run's request. */
export class Arrivals {
  readonly #seen = new Map<number, OpenAIRecordedRequest>();
  readonly #waiting = new Map<number, (request: OpenAIRecordedRequest) => void>();

  /** Called by the mock's script when run `id`'s request arrives. */
  note(id: number, request: OpenAIRecordedRequest): void {
    if (this.#seen.has(id)) return;
    this.#seen.set(id, request);
    this.#waiting.get(id)?.(request);
    this.#waiting.delete(id);
  }

  /** Resolves with run `id`'s first request once it arrived. */
  first(id: number): Promise<OpenAIRecordedRequest> {
    const seen = this.#seen.get(id);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.#waiting.set(id, resolve));
  }
}
