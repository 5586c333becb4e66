import { cancellationScenarios } from './cancellation-scenarios.js';
import { conformanceHarness } from './conformance-harness.js';
import type { ProviderConformanceTarget } from './conformance-target.js';
import { faultScenarios } from './fault-scenarios.js';
import { secretScenarios } from './secret-scenarios.js';
import { streamingScenarios } from './streaming-scenarios.js';
import { timeoutScenarios } from './timeout-scenarios.js';
import { toolScenarios } from './tool-scenarios.js';
import { wireScenarios } from './wire-scenarios.js';
import { vitest } from './vitest-api.js';

/**
 * Registers the provider conformance suite with vitest: the behaviour every
 * Rivulet provider must show through `ChatModel`, checked over real HTTP
 * against the provider's loopback mock server. Streaming, usage, finish
 * reasons, reasoning, tool calls, structured output; retries, error events,
 * truncation, resets, malformed events; bad wire input (events of the wrong
 * shape, data-less keep-alives, an HTML page instead of the stream); the API
 * key echoed by the server in the error body and the request-id header, never
 * shown; servers silent before or after the headers failing within
 * `idleTimeout`; aborts and early exits closing the socket.
 *
 * Scenarios are written in a provider-neutral {@link ConformanceScript}; the
 * target's `startServer` translates them into its own mock's script (see
 * `playConformanceScript`). Call it at the top level of a test file.
 *
 * Conventions it checks beyond the provider contract: a connection reset
 * mid-stream is a retryable `ProviderError` with code `connection_reset`; an
 * event that is not valid JSON, or JSON of the wrong shape, one with code
 * `malformed_event`, not retryable; a 200 that is not the stream asked for
 * one with code `unexpected_content_type`. Scenarios that exist only on one
 * wire framing are registered as skipped (title says why) for a target whose
 * `wire` is another.
 *
 * @example
 * ```ts
 * describeProviderConformance({
 *   name: 'anthropic',
 *   apiKey: 'sk-ant-test-secret',
 *   wire: 'sse',
 *   async startServer(script) {
 *     const server = await startMockAnthropicServer(playConformanceScript(script, toMockAnthropicReply));
 *     return {
 *       requests: server.requests,
 *       close: () => server.close(),
 *       model: (options) => new AnthropicChatModel({ model: 'claude-test', apiKey: 'sk-ant-test-secret', baseURL: server.url, ...options }),
 *     };
 *   },
 * });
 * ```
 */
export function describeProviderConformance(target: ProviderConformanceTarget): void {
  const { describe } = vitest();
  describe(`${target.name}: provider conformance`, () => {
    describe('streaming', () => streamingScenarios(conformanceHarness(target)));
    describe('tools and structured output', () => toolScenarios(conformanceHarness(target)));
    describe('faults', () => faultScenarios(conformanceHarness(target)));
    describe('bad wire input', () => wireScenarios(conformanceHarness(target)));
    describe('the API key', () => secretScenarios(conformanceHarness(target)));
    describe('silent servers', () => timeoutScenarios(conformanceHarness(target)));
    describe('cancellation', () => cancellationScenarios(conformanceHarness(target)));
  });
}
