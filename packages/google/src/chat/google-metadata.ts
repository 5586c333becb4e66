import type { ChatResponseMetadata } from '@rivulet/models';
import type { CitationMetadata, GenerateContentResponsePromptFeedback, GroundingMetadata, SafetyRating, UrlContextMetadata } from '@google/genai';

/**
 * The `responseMetadata` of `GoogleChatModel`'s replies: the response `id`,
 * the `model` version that answered, the raw `finishReason` (`STOP`,
 * `MAX_TOKENS`, `SAFETY`, ...), and Gemini's extras as the official SDK types
 * them: grounding (Google Search sources), citations, URL context, safety
 * ratings, a `finishMessage`, the `promptFeedback` of a refused prompt, and
 * the `thoughtSignatures` of the reply's function calls, by tool-call id.
 *
 * @example
 * ```ts
 * const reply = await gemini.invoke('Who won the 2024 Tour de France?');
 * for (const chunk of reply.responseMetadata.groundingMetadata?.groundingChunks ?? []) console.log(chunk.web?.uri);
 * ```
 */
export interface GoogleMetadata extends ChatResponseMetadata {
  readonly groundingMetadata?: GroundingMetadata | undefined;
  readonly citationMetadata?: CitationMetadata | undefined;
  readonly urlContextMetadata?: UrlContextMetadata | undefined;
  readonly safetyRatings?: readonly SafetyRating[] | undefined;
  readonly finishMessage?: string | undefined;
  readonly promptFeedback?: GenerateContentResponsePromptFeedback | undefined;
  readonly thoughtSignatures?: Readonly<Record<string, string>> | undefined;
}
