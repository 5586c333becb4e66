export { otelCallbacks } from './otel-callbacks.js';
export { withTracing } from './with-tracing.js';
export type { TracingOptions } from './tracing-options.js';
// The key models describe their runs under (defined in core, where models and tracing both read it).
export { modelRunMetadataKey, type ModelRunMetadata } from '@rivulet/core';
