// The `@rivulet/parsers/patch` entry: dependency-free, so a browser bundle can take it alone.
export { applyPatch, type PatchOperation } from './apply-patch.js';
export { PatchedDocument } from './patched-document.js';
export { SnapshotBudget, COPIES_PER_CHARACTER, QUIET_PERIOD_MS } from './snapshot-budget.js';
export { parsePointer } from './json-pointer.js';
export { setOwn } from '../json/set-own.js';
export { MAX_TRACKED_FIELDS } from './field-shapes.js';
export { appendedSince, noteStringGrowth } from './string-growth.js';
