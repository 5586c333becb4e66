import { modelRunMetadataKey, type ModelRunMetadata, type RunOptions } from '@rivulet/core';

/**
 * The run options a model applies to each of its runs: its description, and
 * its whole-run `timeout` when it has one. The description is one frozen
 * object per model, so a step nested in a model run, which inherits the
 * metadata, is told from the model run itself by identity.
 */
export function modelRunConfig(description: ModelRunMetadata, timeout: number | undefined): RunOptions {
  const { params, ...rest } = description;
  const frozen = Object.freeze({ ...rest, ...(params !== undefined && { params: Object.freeze({ ...params }) }) });
  return { ...(timeout !== undefined && { timeout }), metadata: { [modelRunMetadataKey]: frozen } };
}
