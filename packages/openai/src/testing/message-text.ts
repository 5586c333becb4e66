/**
 * The text of a chat message's `content`: a string as is, an array of parts
 * as its text parts joined, anything else as `''`. Request bodies are not
 * validated, so this accepts `unknown`.
 */
export function messageText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((part: unknown) => (isTextPart(part) ? part.text : '')).join('');
}

function isTextPart(part: unknown): part is { text: string } {
  return typeof part === 'object' && part !== null && typeof (part as { text?: unknown }).text === 'string';
}
