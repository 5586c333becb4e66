import type { PromptMessageV1 } from './prompt.js';

/** A JSON Schema object, as providers send it on the wire. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** A tool the model may call, described for the provider. */
export interface ToolDefinitionV1 {
  readonly name: string;
  readonly description?: string | undefined;
  /** JSON Schema of the arguments object. */
  readonly parameters: JsonSchema;
  /** Ask the provider to enforce the schema exactly, where it can (see {@link ResponseFormatV1} for strict-mode rewriting). */
  readonly strict?: boolean | undefined;
}

/** Whether and which tool the model must call. */
export type ToolChoiceV1 = 'auto' | 'none' | 'required' | { readonly name: string };

/**
 * The shape the reply must take. `strict` asks the provider to enforce the
 * schema exactly; a provider whose strict mode takes only schemas with every
 * property required rewrites it (`toStrictJsonSchema` in provider-utils), and
 * the model then writes `null` for an optional field it leaves out.
 */
export type ResponseFormatV1 =
  | { readonly type: 'text' }
  | { readonly type: 'json' }
  | { readonly type: 'json_schema'; readonly name: string; readonly schema: JsonSchema; readonly strict?: boolean | undefined };

/** Sampling parameters common to providers; each maps what it supports. */
export interface SamplingParamsV1 {
  readonly temperature?: number | undefined;
  readonly topP?: number | undefined;
  readonly maxTokens?: number | undefined;
  readonly stop?: readonly string[] | undefined;
  readonly seed?: number | undefined;
  readonly presencePenalty?: number | undefined;
  readonly frequencyPenalty?: number | undefined;
  /** How many independent replies (choices) to generate. */
  readonly n?: number | undefined;
}

/** One normalised request to a chat model provider. */
export interface ChatRequestV1 {
  readonly messages: readonly PromptMessageV1[];
  readonly tools?: readonly ToolDefinitionV1[] | undefined;
  readonly toolChoice?: ToolChoiceV1 | undefined;
  readonly responseFormat?: ResponseFormatV1 | undefined;
  readonly params: SamplingParamsV1;
  /** Provider-specific request fields, passed through as the provider defines. */
  readonly providerOptions?: Readonly<Record<string, unknown>> | undefined;
  /** Aborted when the run is cancelled: the provider must abort its HTTP request. */
  readonly signal: AbortSignal;
}
