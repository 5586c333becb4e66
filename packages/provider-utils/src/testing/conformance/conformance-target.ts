import type { ChatModel } from '../../chat-model/chat-model.js';
import type { ChatModelOptions } from '../../chat-model/chat-model-options.js';
import type { StructuredOutputMethod } from '../../chat-model/structured-output.js';
import type { RecordedRequest } from '../mock-server/recorded-request.js';
import type { ConformanceScript } from './conformance-reply.js';

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

/** What {@link describeProviderConformance} needs to know about a provider. */
export interface ProviderConformanceTarget {
  /** Shown in the suite's title, e.g. `anthropic`. */
  readonly name: string;
  /** The API key the adapter configures its models with; the suite checks that no error ever shows it. */
  readonly apiKey: string;
  /** Starts the provider's mock server with `script` translated into the mock's own script. */
  startServer(script: ConformanceScript): Promise<ConformanceServer>;
  /** Whether the provider streams reasoning. Default true. */
  readonly reasoning?: boolean | undefined;
  /** The `withStructuredOutput` methods to check. Default all three. */
  readonly structuredOutputMethods?: readonly StructuredOutputMethod[] | undefined;
}
