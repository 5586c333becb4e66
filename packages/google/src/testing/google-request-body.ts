import type { RecordedRequest } from '@rivulet/provider-utils/testing';

/** One content (turn) of a request, as sent on the wire. */
export interface GoogleWireContent {
  readonly role?: string;
  readonly parts?: readonly Readonly<Record<string, unknown>>[];
}

/**
 * The JSON body of a request to the mock, typed for assertions (not
 * validated): a `streamGenerateContent` request, or an embedding request
 * (`requests` for `batchEmbedContents`, `content` for `embedContent`).
 */
export interface GoogleRequestBody {
  readonly contents?: readonly GoogleWireContent[];
  readonly systemInstruction?: GoogleWireContent;
  readonly tools?: readonly Readonly<Record<string, unknown>>[];
  readonly toolConfig?: { readonly functionCallingConfig?: { readonly mode?: string; readonly allowedFunctionNames?: readonly string[] } };
  readonly generationConfig?: Readonly<Record<string, unknown>>;
  readonly safetySettings?: readonly unknown[];
  readonly requests?: readonly GoogleEmbedRequest[];
  readonly content?: GoogleWireContent;
  readonly [field: string]: unknown;
}

/** One text of an embedding request. */
export interface GoogleEmbedRequest {
  readonly model?: string;
  readonly content?: GoogleWireContent;
  readonly taskType?: string;
  readonly title?: string;
  readonly outputDimensionality?: number;
}

/** A request as the mock Gemini server recorded it. */
export type GoogleRecordedRequest = RecordedRequest<GoogleRequestBody>;
