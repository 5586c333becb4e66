import type { FinishReason, Usage } from '@rivulet/core';

/** Fields every stream part may carry. */
interface PartBase {
  /** Which choice (of `n`) the part belongs to. Default 0. */
  readonly choice?: number | undefined;
}

/** A piece of the reply's text. */
export interface TextDeltaPartV1 extends PartBase {
  readonly type: 'text-delta';
  readonly text: string;
}

/** A piece of the model's reasoning, when the provider streams it separately. */
export interface ReasoningDeltaPartV1 extends PartBase {
  readonly type: 'reasoning-delta';
  readonly text: string;
}

/**
 * A fragment of a tool call. Fragments with the same `index` belong to one call
 * (unless their ids differ); `argsText` pieces concatenate into the arguments' JSON.
 */
export interface ToolCallDeltaPartV1 extends PartBase {
  readonly type: 'tool-call-delta';
  readonly index: number;
  readonly id?: string | undefined;
  readonly name?: string | undefined;
  readonly argsText?: string | undefined;
}

/** Token usage so far (running totals, not deltas). */
export interface UsagePartV1 extends PartBase {
  readonly type: 'usage';
  readonly usage: Usage;
}

/** The model finished this choice. A stream that ends without one was truncated. */
export interface FinishPartV1 extends PartBase {
  readonly type: 'finish';
  readonly reason: FinishReason;
  /** The provider's own word for it, kept in `responseMetadata.finishReason`. */
  readonly rawReason?: string | undefined;
}

/**
 * Provider extras for `responseMetadata` (citations, search results, response
 * id, model). Merged shallowly: later keys win. Send a key again only when its
 * value changed.
 */
export interface MetadataPartV1 extends PartBase {
  readonly type: 'metadata';
  readonly metadata: Readonly<Record<string, unknown>>;
}

/** Everything a provider's stream may say. */
export type ChatStreamPartV1 =
  | TextDeltaPartV1
  | ReasoningDeltaPartV1
  | ToolCallDeltaPartV1
  | UsagePartV1
  | FinishPartV1
  | MetadataPartV1;
