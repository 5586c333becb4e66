import type { ImagePart, Message, MessageJSON, MessageTupleRole, OpenAIStyleMessage } from '@rivulet/core';
import type { BasePromptTemplate } from '../prompt/base-prompt-template.js';
import type { Placeholder } from './placeholder.js';

/**
 * Roles of a templated message: core's tuple roles, so `user` and `assistant`
 * work as well as `human` and `ai`. No `tool`: a tool message answers a
 * tool call by id, so it comes whole (a message, or through a placeholder).
 */
export type ChatRole = MessageTupleRole;

/** A part of a templated message's content: text parts are templates, images are kept as they are. */
export type TemplateContentPart = { readonly type: 'text'; readonly text: string } | ImagePart;

/** What a templated message holds: a template, content parts, or a text prompt (formatted in place). */
export type ChatTemplateContent = string | readonly TemplateContentPart[] | BasePromptTemplate<never, string, boolean>;

/**
 * One entry of a `chatPrompt`:
 * - `[role, template]`: a message whose text is a template;
 * - `placeholder(name)`: a list of messages given at format time;
 * - a message, or a `{ role, content }` object: inserted as is, never templated;
 * - another chat prompt: its messages, formatted with the same variables.
 */
export type ChatEntry =
  | readonly [role: ChatRole, content: ChatTemplateContent]
  | Placeholder
  | Message
  | OpenAIStyleMessage
  | MessageJSON
  | BasePromptTemplate<never, Message[], boolean>;
