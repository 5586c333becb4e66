import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

/**
 * What an MCP tool result becomes for the model, by default: its
 * `structuredContent` object when it has one (the exact data; its text part
 * is usually the same JSON), else {@link toolResultText}.
 *
 * @example
 * ```ts
 * toolResultOutput({ content: [{ type: 'text', text: 'Echo: hi' }] }); // 'Echo: hi'
 * ```
 */
export function toolResultOutput(result: CallToolResult): unknown {
  return result.structuredContent ?? toolResultText(result);
}

/**
 * The content of an MCP tool result as text, one part a line: text as is,
 * an embedded text resource by its text, and parts a chat model cannot read
 * as text (an image, audio, a binary resource, a link) as a short note of
 * what they were.
 */
export function toolResultText(result: Pick<CallToolResult, 'content'>): string {
  return result.content
    .map((part) => {
      switch (part.type) {
        case 'text':
          return part.text;
        case 'image':
        case 'audio':
          return `[${part.type}: ${part.mimeType}]`;
        case 'resource':
          return 'text' in part.resource ? part.resource.text : `[resource: ${part.resource.uri}${mimeNote(part.resource.mimeType)}]`;
        case 'resource_link':
          return `[resource link: ${part.name} <${part.uri}>${mimeNote(part.mimeType)}]`;
      }
    })
    .join('\n');
}

function mimeNote(mimeType: string | undefined): string {
  return mimeType === undefined ? '' : ` (${mimeType})`;
}
