import { visibleTexts } from './visible-texts.js';
import { vitest } from './vitest-api.js';

/** A mock server of a conformance target, with models pointed at it. */
interface HarnessServer<Options, Model> {
  model(options: Options): Model;
  close(): Promise<void>;
}

/** What both conformance harnesses (chat and embeddings) do the same way. */
export interface ServerHarness<Script, Options, Model, Server> {
  /**
   * Starts the target's server for `script` (closed after the test) and a
   * model on it. Retries back off from 1 ms unless `options` say otherwise, so
   * only a Retry-After makes a test wait.
   */
  start(script: Script, options?: Options): Promise<{ readonly model: Model; readonly server: Server }>;
  /** Fails when the target's API key shows anywhere a user could see it (see `visibleTexts`). */
  expectNoSecret(error: unknown): void;
}

/** The harness of one `describe` block; call it inside the block, so its cleanup hook belongs there. */
export function serverHarness<Script, Options extends object, Model, Server extends HarnessServer<Options, Model>>(target: {
  readonly apiKey: string;
  startServer(script: Script): Promise<Server>;
}): ServerHarness<Script, Options, Model, Server> {
  const { afterEach, expect } = vitest();
  const open: Server[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((server) => server.close()));
  });
  return {
    async start(script, options) {
      const server = await target.startServer(script);
      open.push(server);
      return { server, model: server.model({ retry: { initialDelayMs: 1 }, ...options } as Options) };
    },
    expectNoSecret(error) {
      for (const text of visibleTexts(error)) expect(text).not.toContain(target.apiKey);
    },
  };
}
