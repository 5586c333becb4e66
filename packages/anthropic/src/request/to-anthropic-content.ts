import type { ContentV1, ImageContentV1 } from '@rivulet/provider';
import type { AnthropicImageBlock, AnthropicImageMediaType, AnthropicTextBlock } from './anthropic-request-body.js';

/** A text or image block, the content Rivulet messages can carry. */
export type AnthropicContentBlock = AnthropicTextBlock | AnthropicImageBlock;

/**
 * Message content as content blocks. Empty text is left out: the API rejects
 * empty text blocks.
 */
export function toContentBlocks(content: ContentV1): AnthropicContentBlock[] {
  const parts = typeof content === 'string' ? [{ type: 'text' as const, text: content }] : content;
  return parts.flatMap((part): AnthropicContentBlock[] => {
    if (part.type === 'text') return part.text === '' ? [] : [{ type: 'text', text: part.text }];
    return [{ type: 'image', source: toImageSource(part) }];
  });
}

function toImageSource(part: ImageContentV1): AnthropicImageBlock['source'] {
  if ('data' in part) return base64(part.mimeType, part.data);
  // A data URL carries its bytes inline; Anthropic takes those as base64, not as a URL.
  const inline = /^data:([^;,]+);base64,(.*)$/s.exec(part.url);
  return inline ? base64(inline[1] as string, inline[2] as string) : { type: 'url', url: part.url };
}

function base64(mimeType: string, data: string): AnthropicImageBlock['source'] {
  // The API answers an unsupported type with a clear 400; no need to guess here.
  return { type: 'base64', media_type: mimeType as AnthropicImageMediaType, data };
}
