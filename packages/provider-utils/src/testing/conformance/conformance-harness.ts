import type { ChatModel } from '@rivulet/models';
import type { ChatModelOptions } from '@rivulet/models';
import type { ConformanceScript } from './conformance-reply.js';
import type { ConformanceServer, ProviderConformanceTarget } from './conformance-target.js';
import { visibleTexts } from './visible-texts.js';
import { vitest } from './vitest-api.js';

/** What every scenario of the suite gets: a way to start a server, and shared checks. */
export interface ConformanceHarness {
  readonly target: ProviderConformanceTarget;
  /**
   * Starts the target's server for `script` (closed after the test) and a
   * model on it. Retries back off from 1 ms unless `options` say otherwise, so
   * only a Retry-After makes a test wait.
   */
  start(script: ConformanceScript, options?: ChatModelOptions): Promise<{ readonly model: ChatModel; readonly server: ConformanceServer }>;
  /**
   * Fails when the target's API key shows anywhere a user could see it: the
   * message, stack, JSON (`toJSON`), `code`, `requestId` and every other
   * string field of the error and of each error in its cause chain, and the
   * error as a log prints it.
   */
  expectNoSecret(error: unknown): void;
}

/** The harness of one `describe` block; call it inside the block, so its cleanup hook belongs there. */
export function conformanceHarness(target: ProviderConformanceTarget): ConformanceHarness {
  const { afterEach, expect } = vitest();
  const open: ConformanceServer[] = [];
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
