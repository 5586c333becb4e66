import type { RunStartEvent } from '@rivulet/core';

/**
 * The run-metadata key under which a model run may describe itself. When
 * present it is trusted over the run's name, and carries the request's
 * sampling parameters, which the events do not otherwise show.
 */
export const modelRunMetadataKey = 'rivulet.model';

/**
 * What `metadata['rivulet.model']` holds on a model run: the provider id
 * (`openai`, `anthropic`, `google`, `ollama`), the model requested, the
 * operation (`chat` unless told) and the request's sampling parameters.
 *
 * @example
 * ```ts
 * const described = model.withConfig({ metadata: { 'rivulet.model': { provider: 'openai', model: 'gpt-4o-mini', params: { temperature: 0 } } } });
 * ```
 */
export interface ModelRunMetadata {
  readonly provider: string;
  readonly model: string;
  readonly operation?: string | undefined;
  readonly params?: Readonly<Record<string, unknown>> | undefined;
}

/** A run recognised as a model call. */
export interface ModelCall extends ModelRunMetadata {
  /** The metadata value it came from, to tell a model's own run from steps inheriting its metadata. */
  readonly source?: unknown;
}

// A ChatModel's default run name: `provider:model`.
const providerAndModel = /^([a-z0-9][\w.-]*):(\S+)$/i;

/**
 * The model call a run is, if any: described by its metadata (unless it
 * inherited that from its parent), or named `provider:model` as a
 * `ChatModel` names its runs.
 */
export function modelCallOf(event: RunStartEvent, parentSource: unknown): ModelCall | undefined {
  const described: unknown = event.metadata[modelRunMetadataKey];
  if (isModelRunMetadata(described)) return described === parentSource ? undefined : { ...described, source: described };
  const named = providerAndModel.exec(event.name);
  return named ? { provider: named[1] as string, model: named[2] as string } : undefined;
}

function isModelRunMetadata(value: unknown): value is ModelRunMetadata {
  if (typeof value !== 'object' || value === null) return false;
  const { provider, model } = value as Partial<ModelRunMetadata>;
  return typeof provider === 'string' && typeof model === 'string';
}
