import type { ChatModel } from '@rivulet/models';
import type { ChatModelOptions } from '@rivulet/models';
import type { StructuredOutputMethod } from '@rivulet/models';
import type { RecordedRequest } from '../mock-server/recorded-request.js';
import type { ConformanceFinishReason, ConformanceScript } from './conformance-reply.js';

/** A provider's mock server playing one conformance script, with models pointed at it. */
export interface ConformanceServer {
  /**
   * A chat model of the provider under test, talking to this server with the
   * target's `apiKey`. `options` (retries, timeouts, `retry` backoff) go to the
   * model as they are.
   */
  model(options?: ChatModelOptions): ChatModel;
  /** Every request the server received, in order, each updated live. */
  readonly requests: readonly RecordedRequest[];
  /** Stops the server and destroys open connections. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * How a provider's stream is framed on the wire: server-sent events, or
 * newline-delimited JSON (Ollama's native API).
 */
export type ConformanceWireFormat = 'sse' | 'ndjson';

/** What {@link describeProviderConformance} needs to know about a provider. */
export interface ProviderConformanceTarget {
  /** Shown in the suite's title, e.g. `anthropic`. */
  readonly name: string;
  /** The API key the adapter configures its models with; the suite checks that no error ever shows it. */
  readonly apiKey: string;
  /** Starts the provider's mock server with `script` translated into the mock's own script. */
  startServer(script: ConformanceScript): Promise<ConformanceServer>;
  /**
   * The wire framing, `sse` unless told. Scenarios that only exist on one
   * framing (a data-less SSE keep-alive) are registered as skipped, with the
   * reason in their title, for targets of another: never left out silently.
   */
  readonly wire?: ConformanceWireFormat | undefined;
  /**
   * How tool calls arrive: `streamed` (default), arguments in fragments under
   * the wire's call ids; `whole`, each call in one piece and without an id,
   * so the provider makes ids up (Ollama). With `whole` the tool scenario
   * checks whole calls and distinct made-up ids instead of growing fragments.
   */
  readonly toolCalls?: 'streamed' | 'whole' | undefined;
  /**
   * The finish reasons the provider's wire can say; all unless told. A
   * scenario for another (Ollama has no content filter) is registered as
   * skipped, saying why.
   */
  readonly finishReasons?: readonly ConformanceFinishReason[] | undefined;
  /**
   * Whether the provider's error bodies carry an error code; true unless told
   * (Ollama's carry a message only). Without codes, scenarios check that no
   * code is made up, and keep checking message and request id.
   */
  readonly errorCodes?: boolean | undefined;
  /** Whether the provider streams reasoning. Default true. */
  readonly reasoning?: boolean | undefined;
  /** The `withStructuredOutput` methods to check. Default all three. */
  readonly structuredOutputMethods?: readonly StructuredOutputMethod[] | undefined;
}
