/** A piece of text inside a message. */
export interface TextPart {
  readonly type: 'text';
  readonly text: string;
}

/**
 * An image inside a message, either by URL (`https:` or `data:`) or as base64 `data`
 * with its `mimeType`. Base64 rather than bytes keeps every message JSON-serializable.
 */
export type ImagePart =
  | { readonly type: 'image'; readonly url: string; readonly mimeType?: string }
  | { readonly type: 'image'; readonly data: string; readonly mimeType: string };

/** One part of a multi-part message content. */
export type ContentPart = TextPart | ImagePart;

/** What a message holds: plain text, or an array of parts (text, images). */
export type MessageContent = string | readonly ContentPart[];

/**
 * The text of `content`: the string itself, or its text parts joined without a separator
 * (providers split text into parts arbitrarily, so no separator is invented).
 */
export function contentText(content: MessageContent): string {
  if (typeof content === 'string') return content;
  let text = '';
  for (const part of content) if (part.type === 'text') text += part.text;
  return text;
}

/** A frozen copy of `content`, so a message never shares a mutable array with its caller. */
export function freezeContent(content: MessageContent): MessageContent {
  if (typeof content === 'string') return content;
  return Object.freeze(content.map((part) => Object.freeze({ ...part })));
}

/** True for a string or an array, the two forms of {@link MessageContent}, as opposed to a fields object. */
export function isMessageContent(value: unknown): value is MessageContent {
  return typeof value === 'string' || Array.isArray(value);
}
