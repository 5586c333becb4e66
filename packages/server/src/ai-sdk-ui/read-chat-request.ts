import type { Message } from '@rivulet/core';
import { readJsonObject } from '../handler/read-json.js';
import { RejectedRequest } from '../handler/rejected-request.js';
import { fromUIMessages } from './from-ui-messages.js';
import type { UIMessageLike } from './ui-message.js';

/** A `POST {base}/chat` body, read: the conversation as messages, and the id the reply's message takes. */
export interface ChatRequest {
  readonly messages: Message[];
  readonly messageId: string;
}

/**
 * Reads `DefaultChatTransport`'s body: `{ id, messages, trigger, messageId? }`.
 * Messages of the wrong shape are a `400` naming the first bad one; so is a
 * part a model cannot take (see `fromUIMessages`).
 */
export async function readChatRequest(request: Request, maxBytes: number): Promise<ChatRequest> {
  const body = await readJsonObject(request, maxBytes);
  const { messages } = body;
  if (!Array.isArray(messages)) throw RejectedRequest.badInput(400, 'The request body must have a "messages" array of UI messages.');
  messages.forEach(checkMessage);
  try {
    return { messages: fromUIMessages(messages as UIMessageLike[]), messageId: crypto.randomUUID() };
  } catch (error) {
    throw RejectedRequest.badInput(400, (error as Error).message);
  }
}

function checkMessage(message: unknown, index: number): void {
  const fail = (what: string): never => {
    throw RejectedRequest.badInput(400, `messages[${index}] ${what}.`);
  };
  if (typeof message !== 'object' || message === null) fail('is not an object');
  const { role, parts } = message as Record<string, unknown>;
  if (role !== 'system' && role !== 'user' && role !== 'assistant') fail(`has role ${JSON.stringify(role)}; expected "system", "user" or "assistant"`);
  if (!Array.isArray(parts)) fail('has no "parts" array');
  (parts as unknown[]).forEach((part, partIndex) => {
    if (typeof part !== 'object' || part === null || typeof (part as { type?: unknown }).type !== 'string') fail(`part ${partIndex} has no "type"`);
    const { type, text } = part as { type: string; text?: unknown };
    if ((type === 'text' || type === 'reasoning') && typeof text !== 'string') fail(`part ${partIndex} (${type}) has no "text" string`);
  });
}
