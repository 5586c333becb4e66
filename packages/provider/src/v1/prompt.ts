/** A piece of text inside a message. */
export interface TextContentV1 {
  readonly type: 'text';
  readonly text: string;
}

/** An image inside a message: by URL (`https:` or `data:`), or base64 `data` with its `mimeType`. */
export type ImageContentV1 =
  | { readonly type: 'image'; readonly url: string; readonly mimeType?: string }
  | { readonly type: 'image'; readonly data: string; readonly mimeType: string };

/** What a message holds: plain text, or parts (text, images). */
export type ContentV1 = string | readonly (TextContentV1 | ImageContentV1)[];

/** Fields every prompt message has. */
interface PromptMessageBaseV1 {
  readonly content: ContentV1;
  /** The text of `content` (its text parts joined). */
  readonly text: string;
  /** Who spoke, for providers that tell participants of one role apart. */
  readonly name?: string | undefined;
}

/** Instructions for the model. */
export interface SystemPromptMessageV1 extends PromptMessageBaseV1 {
  readonly role: 'system';
}

/** What the user said. */
export interface UserPromptMessageV1 extends PromptMessageBaseV1 {
  readonly role: 'human';
}

/** A tool call the model made earlier in the conversation. */
export interface PromptToolCallV1 {
  readonly id: string;
  readonly name: string;
  readonly args: Readonly<Record<string, unknown>>;
}

/** An earlier reply of the model. */
export interface AssistantPromptMessageV1 extends PromptMessageBaseV1 {
  readonly role: 'ai';
  readonly toolCalls: readonly PromptToolCallV1[];
  /** The model's reasoning, when it was kept. */
  readonly reasoning?: string | undefined;
}

/** The result of a tool call, answering `toolCallId`. */
export interface ToolPromptMessageV1 extends PromptMessageBaseV1 {
  readonly role: 'tool';
  readonly toolCallId: string;
  /** The tool failed; `content` says why. */
  readonly isError: boolean;
}

/**
 * One message of the conversation a provider sends, discriminated by `role`.
 * Rivulet's own messages (`@rivulet/core`) have exactly these fields, so a
 * provider reads them without conversion; the contract names only what it
 * reads, so it does not change when the message classes grow.
 */
export type PromptMessageV1 = SystemPromptMessageV1 | UserPromptMessageV1 | AssistantPromptMessageV1 | ToolPromptMessageV1;
