import type { ContentPart, MessageContent } from '@rivulet/core';
import type { Base64ImageSource, ImageBlockParam, TextBlockParam } from '@anthropic-ai/sdk/resources/messages';

/** A text or image block, the content Rivulet messages can carry. */
export type AnthropicContentBlock = TextBlockParam | ImageBlockParam;

/**
 * Message content as content blocks. Empty text is left out: the API rejects
 * empty text blocks.
 */
export function toContentBlocks(content: MessageContent): AnthropicContentBlock[] {
  const parts: readonly ContentPart[] = typeof content === 'string' ? [{ type: 'text', text: content }] : content;
  return parts.flatMap((part): AnthropicContentBlock[] => {
    if (part.type === 'text') return part.text === '' ? [] : [{ type: 'text', text: part.text }];
    return [{ type: 'image', source: toImageSource(part) }];
  });
}

function toImageSource(part: Extract<ContentPart, { type: 'image' }>): ImageBlockParam['source'] {
  if ('data' in part) return base64(part.mimeType, part.data);
  // A data URL carries its bytes inline; Anthropic takes those as base64, not as a URL.
  const inline = /^data:([^;,]+);base64,(.*)$/s.exec(part.url);
  return inline ? base64(inline[1] as string, inline[2] as string) : { type: 'url', url: part.url };
}

function base64(mimeType: string, data: string): Base64ImageSource {
  // The API answers an unsupported type with a clear 400; no need to guess here.
  return { type: 'base64', media_type: mimeType as Base64ImageSource['media_type'], data };
}
