import type { ImageContentV1, PromptMessageV1, TextContentV1 } from '@rivulet/provider';
import type OpenAI from 'openai';

type InputItem = OpenAI.Responses.ResponseInputItem;
type InputContent = OpenAI.Responses.ResponseInputMessageContentList[number];

/**
 * Rivulet messages as Responses API input items. The conversation is sent
 * whole every time (Rivulet keeps no server-side state): system messages stay
 * in place as `system` items, an earlier assistant turn becomes its text plus
 * one `function_call` item per tool call, a tool result a
 * `function_call_output` item answering its `call_id`. An earlier turn's
 * reasoning text is not sent: the API takes back only its own reasoning
 * items (by id when stored, or encrypted), and message names have no field.
 */
export function toResponsesInput(messages: readonly PromptMessageV1[]): InputItem[] {
  return messages.flatMap(toInputItems);
}

function toInputItems(message: PromptMessageV1): InputItem[] {
  switch (message.role) {
    case 'system':
      return [{ role: 'system', content: message.text }];
    case 'human':
      return [{ role: 'user', content: typeof message.content === 'string' ? message.content : message.content.map(toInputContent) }];
    case 'ai': {
      const calls: InputItem[] = message.toolCalls.map((call) => ({
        type: 'function_call',
        call_id: call.id,
        name: call.name,
        arguments: JSON.stringify(call.args),
      }));
      // An empty text beside tool calls is no message of its own.
      return message.text === '' && calls.length > 0 ? calls : [{ role: 'assistant', content: message.text }, ...calls];
    }
    case 'tool':
      return [{ type: 'function_call_output', call_id: message.toolCallId, output: message.text }];
  }
}

function toInputContent(part: TextContentV1 | ImageContentV1): InputContent {
  if (part.type === 'text') return { type: 'input_text', text: part.text };
  const url = 'url' in part ? part.url : `data:${part.mimeType};base64,${part.data}`;
  return { type: 'input_image', image_url: url, detail: 'auto' };
}
