export { RivuletError, type RivuletErrorOptions } from './errors/rivulet-error.js';
export { AbortError } from './errors/abort-error.js';
export { TimeoutError, type TimeoutErrorOptions, type TimeoutKind } from './errors/timeout-error.js';
export { InputError, type InputErrorOptions } from './errors/input-error.js';
export { OutputParserError, type OutputParserErrorOptions } from './errors/output-parser-error.js';
export { ProviderError, isRetryableStatus, type ProviderErrorOptions } from './errors/provider-error.js';
export { TruncatedStreamError, type TruncatedStreamErrorOptions } from './errors/truncated-stream-error.js';
