import type { FinishReasonV1, UsageV1 } from './usage.js';

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
 * A tool call begins. `id` is unique within the response (a provider whose
 * wire has none makes one up) and keys the call's later parts.
 */
export interface ToolInputStartPartV1 extends PartBase {
  readonly type: 'tool-input-start';
  readonly id: string;
  readonly name: string;
}

/** A fragment of a call's arguments JSON; fragments of one `id` concatenate and may split anywhere. */
export interface ToolInputDeltaPartV1 extends PartBase {
  readonly type: 'tool-input-delta';
  readonly id: string;
  readonly delta: string;
}

/** The call `id` is complete: no more fragments follow. */
export interface ToolInputEndPartV1 extends PartBase {
  readonly type: 'tool-input-end';
  readonly id: string;
}

/** Token usage so far (running totals, not deltas). */
export interface UsagePartV1 extends PartBase {
  readonly type: 'usage';
  readonly usage: UsageV1;
}

/** The model finished this choice. A stream that ends without one was truncated. */
export interface FinishPartV1 extends PartBase {
  readonly type: 'finish';
  readonly reason: FinishReasonV1;
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

/** Everything a provider's chat stream may say. */
export type ChatStreamPartV1 =
  | TextDeltaPartV1
  | ReasoningDeltaPartV1
  | ToolInputStartPartV1
  | ToolInputDeltaPartV1
  | ToolInputEndPartV1
  | UsagePartV1
  | FinishPartV1
  | MetadataPartV1;
