import type { ImageContentV1, PromptMessageV1, TextContentV1 } from '@rivulet/provider';
import type OpenAI from 'openai';

type MessageParam = OpenAI.Chat.Completions.ChatCompletionMessageParam;
type UserContentPart = OpenAI.Chat.Completions.ChatCompletionContentPart;

/** Rivulet messages in the Chat Completions wire format. */
export function toOpenAIMessages(messages: readonly PromptMessageV1[]): MessageParam[] {
  return messages.map(toOpenAIMessage);
}

function toOpenAIMessage(message: PromptMessageV1): MessageParam {
  const name = message.name === undefined ? {} : { name: message.name };
  switch (message.role) {
    case 'system':
      return { role: 'system', content: message.text, ...name };
    case 'human':
      return { role: 'user', content: typeof message.content === 'string' ? message.content : message.content.map(toUserPart), ...name };
    case 'ai': {
      const toolCalls = message.toolCalls.map((call) => ({
        id: call.id,
        type: 'function' as const,
        function: { name: call.name, arguments: JSON.stringify(call.args) },
      }));
      return {
        role: 'assistant',
        // OpenAI wants null, not '', beside tool calls.
        content: message.text === '' && toolCalls.length > 0 ? null : message.text,
        ...(toolCalls.length > 0 && { tool_calls: toolCalls }),
        ...name,
      };
    }
    case 'tool':
      return { role: 'tool', tool_call_id: message.toolCallId, content: message.text };
  }
}

function toUserPart(part: TextContentV1 | ImageContentV1): UserContentPart {
  if (part.type === 'text') return { type: 'text', text: part.text };
  const url = 'url' in part ? part.url : `data:${part.mimeType};base64,${part.data}`;
  return { type: 'image_url', image_url: { url } };
}
