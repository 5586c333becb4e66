import type { ImagePart, Message } from '@rivulet/core';
import type { FormatsInScope } from '../prompt/format-in-scope.js';
import type { ParsedTemplate } from '../syntax/template-node.js';
import type { ChatRole } from './chat-entry.js';

/** A text part whose text is a template. */
export interface TemplateTextPart {
  readonly type: 'text';
  readonly template: ParsedTemplate;
}

/** A chat entry compiled at construction, ready to format in one pass. */
export type ChatPart =
  | { readonly kind: 'message'; readonly message: Message }
  | {
      readonly kind: 'template';
      readonly role: ChatRole;
      readonly content: ParsedTemplate | readonly (TemplateTextPart | ImagePart)[];
      /** Describes the message in error messages. */
      readonly where: string;
      readonly variables: readonly string[];
    }
  | { readonly kind: 'prompt'; readonly role: ChatRole; readonly prompt: NestedPrompt<string> }
  | { readonly kind: 'placeholder'; readonly name: string; readonly optional: boolean }
  | { readonly kind: 'chat'; readonly prompt: NestedPrompt<Message[]> };

/** A prompt inside a chat prompt. */
export interface NestedPrompt<O> extends FormatsInScope<O> {
  readonly inputVariables: readonly string[];
}

/** The variables a part needs from the caller. */
export function partVariables(part: ChatPart): readonly string[] {
  switch (part.kind) {
    case 'template':
      return part.variables;
    case 'prompt':
    case 'chat':
      return part.prompt.inputVariables;
    case 'placeholder':
      return part.optional ? [] : [part.name];
    case 'message':
      return [];
  }
}
