import type { MockFaults } from './mock-faults.js';

/** A function call the mock model makes; it is streamed whole, in one part, as Gemini does. */
export interface MockFunctionCall {
  readonly name: string;
  /** The arguments object; `{}` unless told. */
  readonly args?: Readonly<Record<string, unknown>>;
  /** The call's `id`; left out unless told (the Gemini API usually sends none). */
  readonly id?: string;
}

/** What one candidate of a response contains. */
export interface MockCandidateReply {
  /** Answer text, streamed in `chunkSize` pieces. */
  readonly text?: string;
  /** A thought summary, streamed as `thought: true` parts before the text. */
  readonly thoughts?: string;
  /** Function calls, all in one chunk after the text. */
  readonly functionCalls?: readonly MockFunctionCall[];
  /** Gemini's finish reason (`STOP`, `MAX_TOKENS`, `SAFETY`, ...); `STOP` unless told. */
  readonly finishReason?: string;
  /** Sent as `thoughtSignature` on the first function call part, or on the last part when there is no call. */
  readonly thoughtSignature?: string;
  /** Sent on the candidate of the last chunk. */
  readonly groundingMetadata?: unknown;
  /** Sent on the candidate of the last chunk. */
  readonly citationMetadata?: unknown;
  /** Sent on the candidate of the last chunk. */
  readonly safetyRatings?: unknown;
  /** Sent on the candidate of the last chunk. */
  readonly finishMessage?: string;
}

/** Token counts to report; counts left out are estimated (about 4 characters a token). */
export interface MockUsage {
  readonly promptTokenCount?: number;
  readonly candidatesTokenCount?: number;
  /** Sent when given, or estimated when the reply has thoughts. */
  readonly thoughtsTokenCount?: number;
  /** Sent when given. */
  readonly cachedContentTokenCount?: number;
  /** Sent when given. */
  readonly toolUsePromptTokenCount?: number;
}

/**
 * One scripted answer of the mock Gemini server: what the model says (the
 * {@link MockCandidateReply} fields, or `candidates`), how it is streamed,
 * and which faults ({@link MockFaults}) to inject. `{}` is an empty,
 * successful reply. An embedding request reads only `embeddings`,
 * `dimensions`, `usage` and the faults (a stall or a drop acts after the
 * headers of its JSON answer).
 *
 * @example
 * ```ts
 * const server = await startMockGoogleServer([
 *   { status: 429, retryDelay: '1s' },
 *   { text: 'Hello there', chunkSize: 2, delayMs: 5 },
 * ]);
 * ```
 */
export interface MockReply extends MockCandidateReply, MockFaults {
  /** One reply per candidate (`candidateCount > 1`); replaces the top-level candidate fields. */
  readonly candidates?: readonly MockCandidateReply[];
  /**
   * Usage to report, or `false` for none. Every chunk carries the prompt count;
   * the last carries them all, as Gemini does.
   */
  readonly usage?: MockUsage | false;
  /** Characters per text or thought piece; 4 unless told. */
  readonly chunkSize?: number;
  /** Pause in milliseconds between two chunks; 0 unless told. */
  readonly delayMs?: number;
  /** `modelVersion` of every chunk; the model in the request path unless told. */
  readonly modelVersion?: string;
  /** `responseId` of every chunk; `mock-response-<request index>` unless told. */
  readonly responseId?: string;
  /** Refuse the prompt: one chunk with `promptFeedback.blockReason` and no candidate. */
  readonly blockReason?: string;
  /** The vectors of an embedding request, as they are (any count, to test checks); else made from each text. */
  readonly embeddings?: readonly (readonly number[])[];
  /** Length of made-up vectors; the request's `outputDimensionality`, else 8. */
  readonly dimensions?: number;
}
