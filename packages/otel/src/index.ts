export { otelCallbacks } from './otel-callbacks.js';
export { withTracing } from './with-tracing.js';
export type { TracingOptions } from './tracing-options.js';
export { modelRunMetadataKey, type ModelRunMetadata } from './model-call.js';
