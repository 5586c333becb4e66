import { InputError } from '@rivulet/core';
import type { ContentV1, PromptMessageV1 } from '@rivulet/provider';
import type { Message } from 'ollama/browser';

/**
 * Rivulet messages in Ollama's chat format. Images travel as base64 in
 * `images` (Ollama fetches no URLs, so an `https:` image is an `InputError`);
 * earlier tool calls carry their arguments as objects; a tool result names
 * its tool (`tool_name`), found through the call it answers (Ollama's wire
 * has no call ids), else the message's `name`. Earlier reasoning goes back as `thinking`.
 */
export function toOllamaMessages(messages: readonly PromptMessageV1[], provider: string): Message[] {
  const toolNames = new Map<string, string>();
  return messages.map((message): Message => {
    switch (message.role) {
      case 'system':
        return { role: 'system', content: message.text };
      case 'human': {
        const images = imagesOf(message.content, provider);
        return { role: 'user', content: message.text, ...(images.length > 0 && { images }) };
      }
      case 'ai': {
        for (const call of message.toolCalls) toolNames.set(call.id, call.name);
        return {
          role: 'assistant',
          content: message.text,
          ...(message.reasoning && { thinking: message.reasoning }),
          ...(message.toolCalls.length > 0 && { tool_calls: message.toolCalls.map((call) => ({ function: { name: call.name, arguments: { ...call.args } } })) }),
        };
      }
      case 'tool': {
        const name = toolNames.get(message.toolCallId) ?? message.name;
        return { role: 'tool', content: message.text, ...(name !== undefined && { tool_name: name }) };
      }
    }
  });
}

function imagesOf(content: ContentV1, provider: string): string[] {
  if (typeof content === 'string') return [];
  const images: string[] = [];
  for (const part of content) {
    if (part.type !== 'image') continue;
    if ('data' in part) {
      images.push(part.data);
      continue;
    }
    const base64 = /^data:[^;,]*;base64,(.*)$/s.exec(part.url)?.[1];
    if (base64 === undefined) {
      throw new InputError(`${provider}: Ollama takes images as base64 only, so an image by URL (${part.url.slice(0, 40)}) cannot be sent. Pass its bytes as \`data\` or a base64 \`data:\` URL.`);
    }
    images.push(base64);
  }
  return images;
}
