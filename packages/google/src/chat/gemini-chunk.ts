/** A function call as Gemini streams it: whole, in one part. */
export interface GeminiFunctionCall {
  readonly id?: string | undefined;
  readonly name: string;
  readonly args?: Readonly<Record<string, unknown>> | undefined;
}

/** One part of a candidate's content: the fields Rivulet reads. */
export interface GeminiPart {
  readonly text?: string | undefined;
  /** The text is a thought summary, not the answer. */
  readonly thought?: boolean | undefined;
  readonly thoughtSignature?: string | undefined;
  readonly functionCall?: GeminiFunctionCall | undefined;
}

/** One candidate (choice) of a streamed `GenerateContentResponse`. */
export interface GeminiCandidate {
  readonly index?: number | undefined;
  readonly content?: { readonly role?: string | undefined; readonly parts?: readonly GeminiPart[] | undefined } | undefined;
  readonly finishReason?: string | undefined;
  readonly finishMessage?: string | undefined;
  readonly groundingMetadata?: unknown;
  readonly citationMetadata?: unknown;
  readonly urlContextMetadata?: unknown;
  readonly safetyRatings?: unknown;
}

/** Token counts of a response so far, as Gemini reports them. */
export interface GeminiUsage {
  readonly promptTokenCount?: number | undefined;
  readonly candidatesTokenCount?: number | undefined;
  readonly thoughtsTokenCount?: number | undefined;
  readonly cachedContentTokenCount?: number | undefined;
  readonly toolUsePromptTokenCount?: number | undefined;
  readonly totalTokenCount?: number | undefined;
}

/** Why the prompt itself was refused, when it was. */
export interface GeminiPromptFeedback {
  readonly blockReason?: string | undefined;
  readonly blockReasonMessage?: string | undefined;
  readonly safetyRatings?: unknown;
}

/** One event of `streamGenerateContent?alt=sse`: a `GenerateContentResponse`, checked by `readGeminiChunk`. */
export interface GeminiChunk {
  readonly candidates?: readonly GeminiCandidate[] | undefined;
  readonly promptFeedback?: GeminiPromptFeedback | undefined;
  readonly usageMetadata?: GeminiUsage | undefined;
  readonly modelVersion?: string | undefined;
  readonly responseId?: string | undefined;
}
