import type { EmbeddingModel, EmbeddingModelOptions } from '@rivulet/models';
import type { RecordedRequest } from '../mock-server/recorded-request.js';
import type { EmbeddingConformanceScript } from './embedding-conformance-reply.js';
import type { EmbeddingConformanceServer, EmbeddingConformanceTarget } from './embedding-conformance-target.js';
import { visibleTexts } from './visible-texts.js';
import { vitest } from './vitest-api.js';

/** What every embedding scenario gets: a way to start a server, and shared checks. */
export interface EmbeddingConformanceHarness<Request extends RecordedRequest = RecordedRequest> {
  readonly target: EmbeddingConformanceTarget<Request>;
  /**
   * Starts the target's server for `script` (closed after the test) and a
   * model on it. Retries back off from 1 ms unless `options` say otherwise,
   * so only a Retry-After makes a test wait.
   */
  start(
    script: EmbeddingConformanceScript,
    options?: EmbeddingModelOptions,
  ): Promise<{ readonly model: EmbeddingModel; readonly server: EmbeddingConformanceServer<Request> }>;
  /** Fails when the target's API key shows anywhere a user could see it (see the chat suite's `visibleTexts`). */
  expectNoSecret(error: unknown): void;
}

/** The harness of one `describe` block; call it inside the block, so its cleanup hook belongs there. */
export function embeddingConformanceHarness<Request extends RecordedRequest>(target: EmbeddingConformanceTarget<Request>): EmbeddingConformanceHarness<Request> {
  const { afterEach, expect } = vitest();
  const open: EmbeddingConformanceServer<Request>[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((server) => server.close()));
  });
  return {
    target,
    async start(script, options = {}) {
      const server = await target.startServer(script);
      open.push(server);
      return { server, model: server.model({ retry: { initialDelayMs: 1 }, ...options }) };
    },
    expectNoSecret(error) {
      for (const text of visibleTexts(error)) expect(text).not.toContain(target.apiKey);
    },
  };
}
