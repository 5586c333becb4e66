/** A text part of a message's content. */
interface TextPartLike {
  readonly type: string;
  readonly text?: string;
}

/**
 * What parsers accept as input chunks: text, or a message chunk (such as
 * `AIMessageChunk`) whose content is text or an array of content parts.
 */
export type TextChunk = string | { readonly content: string | readonly TextPartLike[] };

/** The text of a chunk: the string itself, or the message's text parts joined. */
export function textOf(chunk: TextChunk): string {
  if (typeof chunk === 'string') return chunk;
  const content = chunk.content;
  if (typeof content === 'string') return content;
  let text = '';
  for (const part of content) if (part.type === 'text' && typeof part.text === 'string') text += part.text;
  return text;
}
