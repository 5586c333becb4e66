import { coerceMessage, InputError, isMessage, type ImagePart, type MessageLike } from '@rivulet/core';
import { BasePromptTemplate } from '../prompt/base-prompt-template.js';
import { PromptTemplate } from '../prompt/prompt-template.js';
import { describeSource } from '../syntax/malformed-template.js';
import { parseTemplate } from '../syntax/parse-template.js';
import type { ParsedTemplate } from '../syntax/template-node.js';
import type { TemplateFormat } from '../types/template-format.js';
import type { ChatRole } from './chat-entry.js';
import type { ChatPart, NestedPrompt, TemplateTextPart } from './chat-part.js';
import { isPlaceholder } from './placeholder.js';

const roles: readonly unknown[] = ['system', 'human', 'user', 'ai', 'assistant'] satisfies ChatRole[];

/** Compiles the chat entry at `index`: templates are parsed here, once. */
export function compileEntry(entry: unknown, index: number, format: TemplateFormat): ChatPart {
  const fail = (detail: string, cause?: unknown, position?: number): never => {
    throw new InputError(`Chat prompt entry ${index}: ${detail}`, { cause, ...(position !== undefined && { position }) });
  };
  if (Array.isArray(entry)) return compileTuple(entry, format, fail);
  if (isPlaceholder(entry)) return { kind: 'placeholder', name: entry.name, optional: entry.optional };
  if (entry instanceof PromptTemplate) return fail("a text prompt needs a role: write ['human', prompt]");
  if (entry instanceof BasePromptTemplate) return { kind: 'chat', prompt: entry as NestedPrompt<never> };
  if (isMessage(entry)) return { kind: 'message', message: entry };
  if (typeof entry === 'object' && entry !== null) {
    try {
      return { kind: 'message', message: coerceMessage(entry as MessageLike) };
    } catch (error) {
      return fail(error instanceof Error ? error.message : String(error), error);
    }
  }
  const got = entry === null ? 'null' : typeof entry;
  return fail(`expected a [role, template] tuple, a placeholder, a message or a chat prompt, got ${got}`);
}

type Fail = (detail: string, cause?: unknown, position?: number) => never;

function compileTuple(entry: readonly unknown[], format: TemplateFormat, fail: Fail): ChatPart {
  const [role, content] = entry;
  if (entry.length !== 2) fail(`a [role, template] tuple has 2 elements, got ${entry.length}`);
  if (!roles.includes(role)) fail(`unknown role ${JSON.stringify(role)} (expected one of ${roles.join(', ')})`);
  const chatRole = role as ChatRole;
  if (content instanceof PromptTemplate) return { kind: 'prompt', role: chatRole, prompt: content as NestedPrompt<string> };
  const parse = (text: string): ParsedTemplate => {
    try {
      return parseTemplate(text, format);
    } catch (error) {
      const position = InputError.isInstance(error) ? error.position : undefined;
      return fail(error instanceof Error ? error.message : String(error), error, position);
    }
  };
  if (typeof content === 'string') {
    const template = parse(content);
    const where = `${chatRole} message ${describeSource(content)}`;
    return { kind: 'template', role: chatRole, content: template, where, variables: template.variables };
  }
  if (!Array.isArray(content)) return fail('the template must be a string, an array of content parts, or a prompt template');
  const parts = content.map((part: unknown) => compilePart(part, parse, fail));
  const variables = [...new Set(parts.flatMap((part) => ('template' in part ? part.template.variables : [])))];
  const text = parts.map((part) => ('template' in part ? part.template.source : '')).join(' ');
  return { kind: 'template', role: chatRole, content: parts, where: `${chatRole} message ${describeSource(text)}`, variables };
}

function compilePart(part: unknown, parse: (text: string) => ParsedTemplate, fail: Fail): TemplateTextPart | ImagePart {
  const { type, text } = (part ?? {}) as { type?: unknown; text?: unknown };
  if (type === 'text' && typeof text === 'string') return { type: 'text', template: parse(text) };
  try {
    // Images are kept as they are: checked (and frozen) by core's message reading.
    const { content } = coerceMessage(['human', [part as ImagePart]]);
    const image = typeof content === 'string' ? undefined : content[0];
    if (image?.type === 'image') return image;
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error), error);
  }
  return fail('a content part must be { type: "text", text } or an image part');
}
