// What every provider needs once.
export { readServerSentEvents, SseReader, BrokenStream } from './sse/sse-reader.js';
export { parseEventJson } from './errors/parse-event-json.js';
export type { ErrorContext } from './errors/error-context.js';
export { maskSecret, maskErrorChain, MIN_SECRET_LENGTH } from './errors/mask-secret.js';
export { providerError, type ProviderErrorFields } from './errors/provider-error-from.js';
export { malformedEvent } from './errors/malformed-event.js';
export { previewData, PREVIEW_LENGTH } from './errors/preview-data.js';
export { fromHttpResponse, requestIdOf, type HttpErrorRules } from './errors/from-http-response.js';
export { fromTransportError, type TransportPhase } from './errors/from-transport-error.js';
export { readErrorBody, type ErrorBodyInfo } from './errors/read-error-body.js';
export { isAbsentOr, isJsonObject } from './json/shape-checks.js';
export { retryAfterMs } from './http/retry-after.js';
export { readEnv } from './http/read-env.js';
export { resolveApiKey, type ApiKeySource } from './http/resolve-api-key.js';
export { expectContentType } from './http/expect-content-type.js';
export { ToolCallAssembler, type IndexedToolCallFragment } from './tools/tool-call-assembler.js';
export { toStrictJsonSchema } from './json-schema/strict-json-schema.js';
