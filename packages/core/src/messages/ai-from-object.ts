import { AIMessage } from './ai-message.js';
import { AIMessageChunk } from './ai-message-chunk.js';
import { describeValue, type Fail } from './invalid-message.js';
import { readContent } from './read-content.js';
import { optionalString, readFinishReason, readMetadata, readUsage } from './read-fields.js';
import { readInvalidToolCalls, readOpenAIToolCalls, readToolCallChunks, readToolCalls } from './read-tool-calls.js';

/**
 * Reads an assistant message: OpenAI style (`tool_calls`, `reasoning_content`) or Rivulet JSON
 * (`toolCalls`, `usage`, ...; `chunk: true` revives an `AIMessageChunk`).
 */
export function aiFromObject(object: Record<string, unknown>, fail: Fail): AIMessage {
  const common = {
    name: optionalString(object['name'], 'name', fail),
    id: optionalString(object['id'], 'id', fail),
    usage: readUsage(object['usage'], fail),
    responseMetadata: readMetadata(object['responseMetadata'], fail),
    finishReason: readFinishReason(object['finishReason'], fail),
    reasoning:
      optionalString(object['reasoning'], 'reasoning', fail) ??
      optionalString(object['reasoning_content'] ?? undefined, 'reasoning_content', fail),
  };
  const { content, chunk, tool_calls: openAICalls, toolCalls, invalidToolCalls, toolCallChunks } = object;
  if (chunk === true) {
    if (openAICalls !== undefined || toolCalls !== undefined || invalidToolCalls !== undefined) {
      fail('a chunk carries "toolCallChunks"; its tool calls are derived from them');
    }
    if (content !== undefined && typeof content !== 'string') {
      fail(`the "content" of a chunk must be a string, got ${describeValue(content)}`);
    }
    const chunks = toolCallChunks === undefined ? undefined : readToolCallChunks(toolCallChunks, fail);
    return new AIMessageChunk({ ...common, content: content ?? '', toolCallChunks: chunks });
  }
  if (chunk !== undefined && chunk !== false) fail(`"chunk" must be a boolean, got ${describeValue(chunk)}`);
  if (openAICalls !== undefined && toolCalls !== undefined) fail('give either "tool_calls" or "toolCalls", not both');
  const openAI = openAICalls === undefined ? undefined : readOpenAIToolCalls(openAICalls, fail);
  const calls = openAI?.toolCalls ?? (toolCalls === undefined ? [] : readToolCalls(toolCalls, fail));
  const invalid = [
    ...(openAI?.invalidToolCalls ?? []),
    ...(invalidToolCalls === undefined ? [] : readInvalidToolCalls(invalidToolCalls, fail)),
  ];
  // OpenAI sends `content: null` on a reply that only calls tools.
  const callsTools = calls.length > 0 || invalid.length > 0;
  if ((content === undefined || content === null) && !callsTools) fail('"content" is missing');
  return new AIMessage({
    ...common,
    content: content === undefined || content === null ? '' : readContent(content, fail),
    toolCalls: calls,
    invalidToolCalls: invalid,
  });
}
