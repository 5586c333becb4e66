// Runnables
export { textParser } from './runnables/text-parser.js';
export { jsonParser, type JsonParserOptions } from './runnables/json-parser.js';
export { structuredParser, type StructuredParserOptions } from './runnables/structured-parser.js';
export { elementsParser, type ElementsParserOptions } from './runnables/elements-parser.js';
export { listParser, type ListParserOptions } from './runnables/list-parser.js';
export { ParserRunnable, type ParseSession, type ParserSpec } from './runnables/parser-runnable.js';
export { textOf, type TextChunk } from './input/text-chunk.js';

// The incremental JSON engine and its layers
export { PartialJsonParser, DEFAULT_MAX_DEPTH, type PartialJsonParserOptions } from './json/partial-json-parser.js';
export type { JsonObserver } from './json/json-observer.js';
export type { JsonValue, JsonObject, JsonPath, JsonPathSegment } from './json/json-value.js';
export { ParseFailure } from './json/parse-failure.js';
export { SnapshotObserver } from './snapshot/snapshot-observer.js';
export { PatchObserver } from './patch/patch-observer.js';
export type { JsonPatchOperation } from './patch/json-patch.js';
export { applyPatch, type PatchOperation } from './patch/apply-patch.js';
export { PatchedDocument } from './patch/patched-document.js';
export { SnapshotBudget, COPIES_PER_CHARACTER, QUIET_PERIOD_MS } from './patch/snapshot-budget.js';
export { MAX_TRACKED_FIELDS } from './patch/field-shapes.js';
export { MAX_HOLD_MS } from './runnables/parser-runnable.js';
export { toPointer, parsePointer, escapePointerSegment } from './patch/json-pointer.js';
export { ElementObserver } from './elements/element-observer.js';
export { ListSplitter, type ListSeparator } from './list/list-splitter.js';

// Schemas
export { SchemaObserver } from './schema/schema-observer.js';
export { StructuredJsonParser, type StructuredJsonParserOptions } from './schema/structured-json-parser.js';
export type { DeepPartial } from './schema/deep-partial.js';
