import { modelRunMetadataKey, type ModelRunMetadata, type RunStartEvent } from '@rivulet/core';

/** A run recognised as a model call. */
export interface ModelCall extends ModelRunMetadata {
  /** The metadata value it came from, to tell a model's own run from steps inheriting its metadata. */
  readonly source?: unknown;
}

/**
 * The model call a run is, if any: the one its metadata describes, unless
 * the run inherited that description from its parent (a step nested in a
 * model run is not the model). A run's name never makes it one.
 */
export function modelCallOf(event: RunStartEvent, parentSource: unknown): ModelCall | undefined {
  const described: unknown = event.metadata[modelRunMetadataKey];
  if (!isModelRunMetadata(described) || described === parentSource) return undefined;
  return { ...described, source: described };
}

function isModelRunMetadata(value: unknown): value is ModelRunMetadata {
  if (typeof value !== 'object' || value === null) return false;
  const { provider, model } = value as Partial<ModelRunMetadata>;
  return typeof provider === 'string' && typeof model === 'string';
}
