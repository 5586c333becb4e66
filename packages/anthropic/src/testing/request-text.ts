import type { AnthropicMockRequestBody } from './anthropic-request-record.js';

/** The text of a request's content: a string, or the `text` of its blocks; anything else `''`. */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((block: unknown) => (isTextBlock(block) ? block.text : '')).join('');
}

/** The last user turn's text, for the echo reply. */
export function lastUserText(body: AnthropicMockRequestBody | undefined): string {
  const messages: unknown = body?.messages;
  if (!Array.isArray(messages)) return '';
  const last = messages.findLast((m: unknown) => typeof m === 'object' && m !== null && (m as { role?: unknown }).role === 'user') as
    | { content?: unknown }
    | undefined;
  return contentText(last?.content);
}

/** All the prompt's text (system and every turn), for estimating input tokens. */
export function promptText(body: AnthropicMockRequestBody | undefined): string {
  const messages: unknown = body?.messages;
  const turns = Array.isArray(messages) ? messages.map((m: unknown) => contentText((m as { content?: unknown } | null)?.content)) : [];
  return [contentText(body?.system), ...turns].join('\n');
}

function isTextBlock(block: unknown): block is { text: string } {
  return typeof block === 'object' && block !== null && typeof (block as { text?: unknown }).text === 'string';
}
