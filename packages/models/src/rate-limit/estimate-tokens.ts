import type { ChatRequestV1 } from '@rivulet/provider';

/** Characters per token in the estimate: about right for English with the big providers' tokenizers. */
export const CHARS_PER_TOKEN = 4;

/**
 * Tokens a request is estimated to use before it is sent, for a rate budget:
 * its text (message texts, tool-call arguments, tool and response schemas) at
 * {@link CHARS_PER_TOKEN} characters a token, plus `maxTokens` when set (what
 * the reply may use, as providers themselves count it). Images are not
 * counted. Cheap, and only an estimate: the reported usage corrects it when
 * the call ends.
 */
export function estimateTokens(request: Omit<ChatRequestV1, 'signal'>): number {
  let characters = 0;
  for (const message of request.messages) {
    characters += message.text.length;
    if (message.role === 'ai') for (const call of message.toolCalls) characters += JSON.stringify(call.args).length;
  }
  if (request.tools !== undefined && request.tools.length > 0) characters += JSON.stringify(request.tools).length;
  if (request.responseFormat?.type === 'json_schema') characters += JSON.stringify(request.responseFormat.schema).length;
  return Math.ceil(characters / CHARS_PER_TOKEN) + (request.params.maxTokens ?? 0);
}
