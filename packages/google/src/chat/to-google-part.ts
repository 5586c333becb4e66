import type { Part } from '@google/genai';
import type { ImageContentV1, TextContentV1 } from '@rivulet/provider';

const DATA_URL = /^data:([^;,]+)[^,]*;base64,(.*)$/s;

const IMAGE_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  heic: 'image/heic',
  heif: 'image/heif',
};

/**
 * A text or image part of a message as a Gemini part: text as `text`; an
 * image given as base64 or a `data:` URL as `inlineData`; any other URL
 * (`https:`, `gs:`, a Files API URI) as `fileData`, with its MIME type when
 * given or told by the file's extension.
 */
export function toGooglePart(part: TextContentV1 | ImageContentV1): Part {
  if (part.type === 'text') return { text: part.text };
  if ('data' in part) return { inlineData: { mimeType: part.mimeType, data: part.data } };
  const inline = DATA_URL.exec(part.url);
  if (inline?.[1] !== undefined && inline[2] !== undefined) return { inlineData: { mimeType: inline[1], data: inline[2] } };
  const mimeType = part.mimeType ?? imageTypeOf(part.url);
  return { fileData: { fileUri: part.url, ...(mimeType !== undefined && { mimeType }) } };
}

function imageTypeOf(url: string): string | undefined {
  const extension = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(url)?.[1]?.toLowerCase();
  return extension === undefined ? undefined : IMAGE_TYPES[extension];
}
