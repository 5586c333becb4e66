import type { ContentPart, MessageContent } from './content.js';
import { describeValue, isRecord, type Fail } from './invalid-message.js';

/** Validates message content, turning OpenAI `image_url` parts into image parts. */
export function readContent(value: unknown, fail: Fail, field = 'content'): MessageContent {
  if (typeof value === 'string') return value;
  if (!Array.isArray(value)) {
    fail(`"${field}" must be a string or an array of content parts, got ${describeValue(value)}`);
  }
  return value.map((part: unknown, i) => readPart(part, (detail) => fail(`${field}[${i}] ${detail}`)));
}

function readPart(part: unknown, fail: Fail): ContentPart {
  if (!isRecord(part)) fail(`must be a content part object, got ${describeValue(part)}`);
  switch (part['type']) {
    case 'text':
      if (typeof part['text'] !== 'string') fail('is a text part without a string "text"');
      return { type: 'text', text: part['text'] };
    case 'image':
      return readImage(part, fail);
    case 'image_url': {
      const image = part['image_url'];
      const url = isRecord(image) ? image['url'] : image;
      if (typeof url !== 'string') fail('is an image_url part without a string url');
      return { type: 'image', url };
    }
    default:
      return fail(`has unsupported type ${JSON.stringify(part['type'])} (expected "text", "image" or "image_url")`);
  }
}

function readImage(part: Record<string, unknown>, fail: Fail): ContentPart {
  const { url, data, mimeType } = part;
  if (mimeType !== undefined && typeof mimeType !== 'string') fail('has a non-string "mimeType"');
  if (typeof url === 'string') return { type: 'image', url, ...(mimeType !== undefined && { mimeType }) };
  if (typeof data === 'string' && mimeType !== undefined) return { type: 'image', data, mimeType };
  return fail('is an image part without a string "url", or "data" with a "mimeType"');
}
