/**
 * The body of a streaming `POST /v1/messages`, as far as this package writes
 * it: Anthropic's own wire types, declared here so the package needs no SDK at
 * run time or for its published types. A type test
 * (`anthropic-request-body.test-d.ts`) checks that every body fits the
 * official SDK's `MessageCreateParamsStreaming`, so an upstream rename breaks
 * the type check. `temperature` and `top_p` are sent when set, for the API
 * versions and gateways that take them.
 */
export interface AnthropicRequestBody {
  readonly model: string;
  readonly max_tokens: number;
  readonly messages: AnthropicMessageParam[];
  readonly stream: true;
  readonly system?: string;
  readonly temperature?: number;
  readonly top_p?: number;
  readonly stop_sequences?: string[];
  readonly tools?: AnthropicTool[];
  readonly tool_choice?: AnthropicToolChoice;
}

/** One turn of the conversation. */
export interface AnthropicMessageParam {
  readonly role: 'user' | 'assistant';
  readonly content: string | AnthropicContentBlockParam[];
}

/** The content blocks this package sends. */
export type AnthropicContentBlockParam = AnthropicTextBlock | AnthropicImageBlock | AnthropicToolUseBlock | AnthropicToolResultBlock;

/** Text. */
export interface AnthropicTextBlock {
  readonly type: 'text';
  readonly text: string;
}

/** The image types the API takes inline. */
export type AnthropicImageMediaType = 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp';

/** An image, inline (base64) or by URL. */
export interface AnthropicImageBlock {
  readonly type: 'image';
  readonly source:
    | { readonly type: 'base64'; readonly media_type: AnthropicImageMediaType; readonly data: string }
    | { readonly type: 'url'; readonly url: string };
}

/** A tool call the model made earlier. */
export interface AnthropicToolUseBlock {
  readonly type: 'tool_use';
  readonly id: string;
  readonly name: string;
  readonly input: unknown;
}

/** The result of a tool call. */
export interface AnthropicToolResultBlock {
  readonly type: 'tool_result';
  readonly tool_use_id: string;
  readonly content?: string | (AnthropicTextBlock | AnthropicImageBlock)[];
  readonly is_error?: boolean;
}

/** A tool the model may call; `input_schema` is the JSON Schema of its input object. */
export interface AnthropicTool {
  readonly name: string;
  readonly description?: string;
  readonly input_schema: { readonly type: 'object'; readonly [keyword: string]: unknown };
  /** Ask the API to hold the input to the schema exactly. */
  readonly strict?: boolean;
}

/** Whether and which tool the model must call. */
export type AnthropicToolChoice =
  | { readonly type: 'auto' }
  | { readonly type: 'any' }
  | { readonly type: 'none' }
  | { readonly type: 'tool'; readonly name: string };
