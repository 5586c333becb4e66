// runnables
export { Runnable } from './runnable/runnable.js';
export type { RunnableFunction, RunnableLike, RunnableMap, OutputOf, InputOf, ChunkOf, MapOutput, MapChunk, StreamedValue } from './runnable/runnable-types.js';
export { sequence } from './compose/sequence.js';
export { lambda } from './compose/lambda.js';
export { parallel } from './compose/parallel.js';
export { passthrough } from './compose/passthrough.js';
export { assign } from './compose/assign.js';
export { pick } from './compose/pick.js';
export { branch } from './compose/branch.js';
export { transform, type StreamStepOptions } from './compose/transform.js';
export { fromOperator } from './compose/from-operator.js';
export type { MapInput } from './compose/map-input.js';
export type { LambdaOptions } from './steps/lambda-step.js';
export { isRetryableError, retryDelay, type RetryOptions } from './steps/retry-policy.js';
export { retryWithBackoff } from './steps/retry-with-backoff.js';
export { fromAsyncIterable } from './steps/from-async-iterable.js';

// runs
export { RunStream } from './run/run-stream.js';
export type { RunOptions, BatchOptions, RunCallbacks } from './run/run-options.js';
export type { RunContext } from './run/run-context.js';
export type { RunEvent, RunEventType, RunStartEvent, RunChunkEvent, RunEndEvent, RunErrorEvent } from './run/run-events.js';
export { isReplyEnd, isReplyChunk, type ReplyEndEvent, type ReplyChunkEvent } from './run/reply-events.js';
export type { BatchResult } from './run/batch-results.js';
export { inputOf, inputFrom, onWholeInput, wholeInput, type StreamInput } from './run/stream-input.js';
export { delay, type DelayOptions } from './run/delay.js';

// aggregation: how chunks fold into outputs, as data that travels
export {
  delta,
  snapshot,
  items,
  keyed,
  resolveAggregation,
  sameAggregation,
  type Aggregation,
  type AggregationRule,
  type AggregationSpec,
  type DeltaRule,
  type SnapshotRule,
  type ItemsRule,
  type KeyedRule,
  type CustomRule,
  type ChunkOfAggregation,
  type OutputOfAggregation,
} from './aggregation/aggregation.js';
export { defineAggregation, type CustomFold, type FoldState } from './aggregation/custom-aggregations.js';
export { createFolder, type Folder } from './aggregation/create-folder.js';
export { mergeChunks, apart } from './aggregation/merge-chunks.js';
export { CoalescingQueue, mergeByRule, type Merge } from './aggregation/coalescing-queue.js';

// how a model run describes itself (read by tracing)
export { modelRunMetadataKey, type ModelRunMetadata } from './run/model-run-metadata.js';

// errors
export { RivuletError, type RivuletErrorOptions } from './errors/rivulet-error.js';
// The marker check behind every `isInstance`, for error classes of other packages.
export { hasMarker } from './errors/has-marker.js';
export { AbortError } from './errors/abort-error.js';
export { TimeoutError, type TimeoutErrorOptions, type TimeoutKind } from './errors/timeout-error.js';
export { InputError, type InputErrorOptions } from './errors/input-error.js';
export { OutputParserError, type OutputParserErrorOptions } from './errors/output-parser-error.js';
export { ProviderError, isRetryableStatus, type ProviderErrorOptions } from './errors/provider-error.js';
export { TruncatedStreamError, type TruncatedStreamErrorOptions } from './errors/truncated-stream-error.js';

// messages
export { BaseMessage, type BaseMessageFields, type BaseMessageJSON, type MessageRole } from './messages/base-message.js';
export { SystemMessage, system, type SystemMessageJSON } from './messages/system-message.js';
export { HumanMessage, human, type HumanMessageJSON } from './messages/human-message.js';
export { AIMessage, ai, type AIMessageFields, type AIMessageJSON } from './messages/ai-message.js';
export { AIMessageChunk, isAIMessageChunk, type AIMessageChunkFields, type AIMessageChunkJSON } from './messages/ai-message-chunk.js';
export { ToolMessage, toolMessage, type ToolMessageFields, type ToolMessageJSON } from './messages/tool-message.js';
export type { Message, MessageJSON } from './messages/message.js';
export type { ContentPart, ImagePart, MessageContent, TextPart } from './messages/content.js';
export type { InvalidToolCall, ToolCall, ToolCallChunk } from './messages/tool-call.js';
export type { Usage } from './messages/usage.js';
export type { FinishReason } from './messages/finish-reason.js';
export type { ResponseMetadata } from './messages/response-metadata.js';
export type {
  MessageLike,
  MessageObjectRole,
  MessageTuple,
  MessageTupleRole,
  OpenAIStyleContentPart,
  OpenAIStyleMessage,
  OpenAIStyleToolCall,
} from './messages/message-like.js';
export { isMessage } from './messages/is-message.js';
export { coerceMessage, coerceMessages } from './messages/coerce-message.js';
export { messageFromJSON } from './messages/message-from-json.js';

// message history
export { withMessageHistory, type MessageHistoryOptions, type KeyedMessageHistoryOptions } from './history/with-message-history.js';
export { InMemoryMessageStore } from './history/in-memory-message-store.js';
export type { MessageStore } from './history/message-store.js';
export type { HistoryInput } from './history/input-messages.js';
// For writing a MessageStore: the checks and the JSON form every store shares.
export { toStoredMessages, fromStoredMessage } from './history/stored-message.js';
export { checkSessionId } from './history/session-id.js';
