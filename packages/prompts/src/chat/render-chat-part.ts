import { coerceMessage, coerceMessages, InputError, type Message, type MessageContent, type MessageLike } from '@rivulet/core';
import { thenMaybe, type MaybePromise } from '../partials/maybe-promise.js';
import { lookup } from '../render/lookup.js';
import { renderTemplate } from '../render/render-template.js';
import { noteMissing, type MissingVariables, type Scope } from '../render/values.js';
import { formatInScope } from '../prompt/format-in-scope.js';
import type { ChatRole } from './chat-entry.js';
import type { ChatPart } from './chat-part.js';

/** The messages one compiled entry gives in `scope`; missing variables are noted, not thrown. */
export function renderChatPart(part: ChatPart, scope: Scope, missing: MissingVariables): MaybePromise<Message[]> {
  switch (part.kind) {
    case 'message':
      return [part.message];
    case 'template':
      return [messageOf(part.role, renderContent(part, scope, missing))];
    case 'prompt':
      return thenMaybe(part.prompt[formatInScope](scope, missing), (text) => [messageOf(part.role, text)]);
    case 'chat':
      return part.prompt[formatInScope](scope, missing);
    case 'placeholder':
      return placeholderMessages(part.name, part.optional, scope, missing);
  }
}

function renderContent(part: Extract<ChatPart, { kind: 'template' }>, scope: Scope, missing: MissingVariables): MessageContent {
  const { content, where } = part;
  if ('nodes' in content) return renderTemplate(content, scope, missing, where);
  return content.map((piece) =>
    'template' in piece ? { type: 'text', text: renderTemplate(piece.template, scope, missing, where) } : piece,
  );
}

function messageOf(role: ChatRole, content: MessageContent): Message {
  return coerceMessage([role, content]);
}

function placeholderMessages(name: string, optional: boolean, scope: Scope, missing: MissingVariables): Message[] {
  const value = lookup(scope, [name]);
  if (value === undefined || value === null) {
    if (!optional) noteMissing(missing, name, `placeholder "${name}"`);
    return [];
  }
  if (!Array.isArray(value)) {
    throw new InputError(`Placeholder "${name}" expects an array of messages, got ${typeof value}`, { variables: [name] });
  }
  try {
    return coerceMessages(value as MessageLike[]);
  } catch (error) {
    if (!InputError.isInstance(error)) throw error;
    const position = error.position === undefined ? {} : { position: error.position };
    throw new InputError(`Placeholder "${name}": ${error.message}`, { variables: [name], cause: error, ...position });
  }
}
