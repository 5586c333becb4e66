/**
 * The AI SDK's UI messages as `useChat` sends them (`DefaultChatTransport`'s
 * request body), typed structurally: the server reads them without depending
 * on the `ai` package. Only the parts a chat backend acts on are named; other
 * parts (sources, data parts, step markers) are carried through as unknown.
 */
export interface UIMessageLike {
  readonly id: string;
  readonly role: 'system' | 'user' | 'assistant';
  readonly parts: readonly UIPartLike[];
  readonly metadata?: unknown;
}

/** A part of a UI message: text, reasoning, a file, a tool invocation, or one the backend does not read. */
export type UIPartLike =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'reasoning'; readonly text: string }
  | { readonly type: 'file'; readonly url: string; readonly mediaType: string }
  | UIToolPartLike
  | { readonly type: string };

/** A tool invocation part: `tool-{name}` (a static tool) or `dynamic-tool` with `toolName`. */
export interface UIToolPartLike {
  readonly type: `tool-${string}` | 'dynamic-tool';
  readonly toolName?: string;
  readonly toolCallId: string;
  readonly state: string;
  readonly input?: unknown;
  readonly output?: unknown;
  readonly errorText?: string;
}

/** The body `DefaultChatTransport` POSTs: the chat's id, its messages, and why it was sent. */
export interface UIChatRequest {
  readonly id?: string;
  readonly messages: readonly UIMessageLike[];
  readonly trigger?: 'submit-message' | 'regenerate-message';
  readonly messageId?: string;
}
