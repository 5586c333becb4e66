import type { Content, Part } from '@google/genai';
import { InputError } from '@rivulet/core';
import type { AssistantPromptMessageV1, ContentV1, PromptMessageV1, ToolPromptMessageV1 } from '@rivulet/provider';
import { thoughtSignaturesOf } from './thought-signatures.js';
import { toGooglePart } from './to-google-part.js';
import { wireCallId } from './tool-call-id.js';

/** A conversation as Gemini takes it: the system instruction apart, turns of `user` and `model`. */
export interface GoogleConversation {
  readonly systemInstruction: Content | undefined;
  readonly contents: Content[];
}

/**
 * Rivulet messages as Gemini contents. System messages, wherever they stand,
 * become the one `systemInstruction`; human messages and tool results are
 * `user` turns (a result as a `functionResponse` naming its function, found
 * by the call id in the reply that made the call); replies are `model` turns
 * whose calls carry their thought signatures back. Consecutive turns of one
 * role are merged, so the parallel results of one reply answer it together.
 */
export function toGoogleContents(messages: readonly PromptMessageV1[], provider: string): GoogleConversation {
  const system: Part[] = [];
  const contents: Content[] = [];
  const callNames = new Map<string, string>();
  for (const message of messages) {
    switch (message.role) {
      case 'system':
        system.push({ text: message.text });
        break;
      case 'human':
        append(contents, 'user', userParts(message.content));
        break;
      case 'ai':
        for (const call of message.toolCalls) callNames.set(call.id, call.name);
        append(contents, 'model', modelParts(message));
        break;
      case 'tool':
        append(contents, 'user', [functionResponse(message, callNames, provider)]);
        break;
    }
  }
  return { systemInstruction: system.length > 0 ? { parts: system } : undefined, contents };
}

function append(contents: Content[], role: 'user' | 'model', parts: Part[]): void {
  if (parts.length === 0) return;
  const last = contents.at(-1);
  if (last?.role === role) last.parts = [...(last.parts ?? []), ...parts];
  else contents.push({ role, parts });
}

function userParts(content: ContentV1): Part[] {
  return typeof content === 'string' ? [{ text: content }] : content.map(toGooglePart);
}

function modelParts(message: AssistantPromptMessageV1): Part[] {
  const signatures = thoughtSignaturesOf(message);
  const parts: Part[] = message.text === '' ? [] : [{ text: message.text }];
  for (const call of message.toolCalls) {
    const id = wireCallId(call.id);
    const signature = signatures.get(call.id);
    parts.push({
      functionCall: { name: call.name, args: { ...call.args }, ...(id !== undefined && { id }) },
      ...(signature !== undefined && { thoughtSignature: signature }),
    });
  }
  return parts;
}

function functionResponse(message: ToolPromptMessageV1, callNames: ReadonlyMap<string, string>, provider: string): Part {
  const name = callNames.get(message.toolCallId) ?? message.name;
  if (name === undefined) {
    throw new InputError(
      `${provider}: the tool result for call ${JSON.stringify(message.toolCallId)} answers no call in the conversation, and Gemini needs the function's name. Keep the reply that made the call, or name the tool message.`,
    );
  }
  const id = wireCallId(message.toolCallId);
  const images = typeof message.content === 'string' ? [] : message.content.filter((part) => part.type === 'image').map(toGooglePart);
  return {
    functionResponse: {
      name,
      response: message.isError ? { error: message.text } : { result: message.text },
      ...(id !== undefined && { id }),
      ...(images.length > 0 && { parts: images.map((part) => ({ ...(part.inlineData && { inlineData: part.inlineData }), ...(part.fileData && { fileData: part.fileData }) })) }),
    },
  };
}
