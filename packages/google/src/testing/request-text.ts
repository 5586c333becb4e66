import type { GoogleRequestBody, GoogleWireContent } from './google-request-body.js';

/** The text of a wire content: its text parts joined. */
export function contentText(content: GoogleWireContent | undefined): string {
  return (content?.parts ?? []).map((part) => (typeof part['text'] === 'string' ? part['text'] : '')).join('');
}

/** The text of the last user turn of a request, `''` when there is none. */
export function lastUserText(body: GoogleRequestBody | undefined): string {
  const turns = body?.contents ?? [];
  for (let i = turns.length - 1; i >= 0; i--) if (turns[i]?.role === 'user') return contentText(turns[i]);
  return '';
}

/** All the text a request sends (system instruction and every turn), for token estimates. */
export function requestText(body: GoogleRequestBody | undefined): string {
  return [body?.systemInstruction, ...(body?.contents ?? [])].map(contentText).join('');
}
