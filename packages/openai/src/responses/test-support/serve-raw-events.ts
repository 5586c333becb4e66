import { SseWriter, startMockHttpServer, type MockHttpServer, type RecordedRequest } from '@rivulet/provider-utils/testing';
import { afterEach } from 'vitest';
import { OpenAIResponsesModel, type OpenAIResponsesModelOptions } from '../openai-responses-model.js';

/** One hand-written event: a JSON value (its `type` names the SSE event), or raw data. */
export type RawEvent = Readonly<Record<string, unknown>> | { readonly raw: string };

/**
 * For wire cases the scripted mock does not produce (refusals, `response.failed`,
 * other servers' dialects): a loopback server answering every request with
 * exactly `events` as server-sent events, and a model pointed at it. Each
 * call replaces the previous server; the last is closed after the test.
 */
export function useRawEventServer(): {
  model(events: readonly RawEvent[], options?: Partial<OpenAIResponsesModelOptions>): Promise<OpenAIResponsesModel>;
  requests(): readonly RecordedRequest[];
} {
  let server: MockHttpServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  return {
    async model(events, options = {}) {
      await server?.close();
      server = await startMockHttpServer({
        async handle(exchange) {
          const sse = new SseWriter(exchange);
          sse.start();
          for (const event of events) {
            if ('raw' in event) await sse.event(event.raw as string);
            else await sse.json(event, typeof event['type'] === 'string' ? event['type'] : undefined);
          }
          sse.end();
        },
      });
      return new OpenAIResponsesModel({ model: 'gpt-test', apiKey: 'sk-test-raw-secret', baseURL: `${server.origin}/v1`, maxRetries: 0, ...options });
    },
    requests: () => server?.requests ?? [],
  };
}
