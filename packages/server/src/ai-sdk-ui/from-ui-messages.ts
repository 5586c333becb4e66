import { AIMessage, HumanMessage, InputError, SystemMessage, ToolMessage, type ContentPart, type Message, type ToolCall } from '@rivulet/core';
import type { UIMessageLike, UIPartLike, UIToolPartLike } from './ui-message.js';

/**
 * The conversation `useChat` sent, as the messages a chat model takes. User
 * text and image files become a `HumanMessage`; an assistant message becomes,
 * per step, an `AIMessage` (text and the tool calls that have a result) and a
 * `ToolMessage` per result (`output-error` and `output-denied` as errors).
 * Calls without a result yet are left out, since providers refuse a call
 * nobody answered. Reasoning and parts a model does not take (sources, data
 * parts) are not sent back. A part the model cannot take from a user (a
 * non-image file) is an `InputError` naming the message and the part.
 */
export function fromUIMessages(messages: readonly UIMessageLike[]): Message[] {
  return messages.flatMap((message, index) => {
    switch (message.role) {
      case 'system':
        return [new SystemMessage({ content: textOf(message.parts), id: message.id })];
      case 'user':
        return [new HumanMessage({ content: userContent(message, index), id: message.id })];
      case 'assistant':
        return assistantMessages(message);
    }
  });
}

function textOf(parts: readonly UIPartLike[]): string {
  return parts.map((part) => (part.type === 'text' && 'text' in part ? part.text : '')).join('');
}

function userContent(message: UIMessageLike, index: number): string | ContentPart[] {
  const files = message.parts.filter((part) => part.type === 'file');
  if (files.length === 0) return textOf(message.parts);
  return message.parts.flatMap((part, partIndex): ContentPart[] => {
    if (part.type === 'text' && 'text' in part) return [{ type: 'text', text: part.text }];
    if (part.type !== 'file' || !('url' in part)) return [];
    if (!part.mediaType.startsWith('image/')) {
      throw new InputError(`Message ${index} (user), part ${partIndex}: a ${part.mediaType} file cannot be sent to a chat model; only images can.`);
    }
    return [{ type: 'image', url: part.url, mimeType: part.mediaType }];
  });
}

/** One assistant UI message, step by step (a `step-start` part begins each). */
function assistantMessages(message: UIMessageLike): Message[] {
  const out: Message[] = [];
  let text = '';
  let tools: UIToolPartLike[] = [];
  const flush = (): void => {
    const answered = tools.filter(hasResult);
    if (text === '' && answered.length === 0) return;
    const toolCalls: ToolCall[] = answered.map((part) => ({ id: part.toolCallId, name: toolNameOf(part), args: argsOf(part.input) }));
    out.push(new AIMessage({ content: text, ...(out.length === 0 && { id: message.id }), ...(toolCalls.length > 0 && { toolCalls }) }));
    for (const part of answered) out.push(toolResult(part));
    text = '';
    tools = [];
  };
  for (const part of message.parts) {
    if (part.type === 'step-start') flush();
    else if (part.type === 'text' && 'text' in part) text += part.text;
    else if (isToolPart(part)) tools.push(part);
  }
  flush();
  return out;
}

function isToolPart(part: UIPartLike): part is UIToolPartLike {
  return (part.type.startsWith('tool-') || part.type === 'dynamic-tool') && 'toolCallId' in part;
}

function hasResult(part: UIToolPartLike): boolean {
  return part.state === 'output-available' || part.state === 'output-error' || part.state === 'output-denied';
}

function toolNameOf(part: UIToolPartLike): string {
  return part.type === 'dynamic-tool' ? (part.toolName ?? '') : part.type.slice('tool-'.length);
}

function argsOf(input: unknown): Readonly<Record<string, unknown>> {
  return typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
}

function toolResult(part: UIToolPartLike): ToolMessage {
  const name = toolNameOf(part);
  if (part.state === 'output-error') return new ToolMessage({ toolCallId: part.toolCallId, name, content: part.errorText ?? 'The tool failed.', isError: true });
  if (part.state === 'output-denied') return new ToolMessage({ toolCallId: part.toolCallId, name, content: 'The user declined this tool call.', isError: true });
  const content = typeof part.output === 'string' ? part.output : JSON.stringify(part.output ?? null);
  return new ToolMessage({ toolCallId: part.toolCallId, name, content });
}
