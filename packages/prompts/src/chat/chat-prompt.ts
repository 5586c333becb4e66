import type { Message } from '@rivulet/core';
import { mapMaybe, thenMaybe, type MaybePromise } from '../partials/maybe-promise.js';
import type { AsyncAfterPartial, NoExtraKeys, PartialValues, VarsAfterPartial } from '../partials/partial-values.js';
import type { Partials } from '../partials/resolve-partials.js';
import type { MissingVariables, Scope } from '../render/values.js';
import { BasePromptTemplate } from '../prompt/base-prompt-template.js';
import type { TemplateFormat } from '../types/template-format.js';
import type { ChatEntry } from './chat-entry.js';
import { partVariables, type ChatPart } from './chat-part.js';
import type { ChatAsync, ChatVars } from './chat-variables.js';
import { compileEntry } from './compile-entry.js';
import { renderChatPart } from './render-chat-part.js';

/** Options of {@link chatPrompt}. */
export interface ChatPromptOptions<F extends TemplateFormat = TemplateFormat> {
  /** How the templates write variables: `'fstring'` (default) or `'mustache'`. */
  readonly format?: F | undefined;
  /** The name in run events. Default `chatPrompt`. */
  readonly name?: string | undefined;
}

/**
 * A chat prompt: a list of message templates, literal messages and
 * placeholders that formats to a `Message[]` ready for a model. Build one
 * with {@link chatPrompt}; it is a `Runnable<Vars, Message[]>`.
 */
export class ChatPromptTemplate<Vars, Async extends boolean = false> extends BasePromptTemplate<Vars, Message[], Async> {
  readonly name: string;
  readonly inputVariables: readonly string[];
  readonly #parts: readonly ChatPart[];

  /** Use {@link chatPrompt} rather than this constructor. */
  constructor(parts: readonly ChatPart[], name = 'chatPrompt', partialValues: Partials = {}) {
    super(partialValues);
    this.#parts = parts;
    this.name = name;
    const variables = new Set(parts.flatMap(partVariables));
    this.inputVariables = [...variables].filter((variable) => !Object.hasOwn(partialValues, variable));
  }

  /**
   * A copy with some variables filled in, by value or by a function called at
   * each format (sync or async); placeholders too. The copy no longer requires them.
   *
   * @example
   * ```ts
   * const support = chatPrompt([['system', 'You help with {product}.'], ['human', '{question}']]).partial({ product: 'Rivulet' });
   * support.format({ question: 'How do I stream?' });
   * ```
   */
  partial<const P extends PartialValues<Vars>>(
    values: NoExtraKeys<P, Vars>,
  ): ChatPromptTemplate<VarsAfterPartial<Vars, P>, AsyncAfterPartial<Async, P>> {
    return new ChatPromptTemplate(this.#parts, this.name, { ...this.partialValues, ...values });
  }

  protected render(scope: Scope, missing: MissingVariables): MaybePromise<Message[]> {
    return thenMaybe(
      mapMaybe(this.#parts, (part) => renderChatPart(part, scope, missing)),
      (lists) => lists.flat(),
    );
  }
}

/**
 * A chat prompt from entries: `[role, template]` tuples (roles `system`,
 * `human`/`user`, `ai`/`assistant`), `placeholder(name)` for message lists,
 * literal messages or `{ role, content }` objects (inserted as is, never
 * templated), and nested chat prompts. The input type is inferred from every
 * template and placeholder.
 *
 * @example
 * ```ts
 * const prompt = chatPrompt([
 *   ['system', 'You are {persona}'],
 *   placeholder('history'),
 *   ['human', '{question}'],
 * ]); // Runnable<{ persona: string; history: MessageLike[]; question: string }, Message[]>
 * const messages = prompt.format({ persona: 'a pirate', history: [], question: 'Where is the gold?' });
 * ```
 */
export function chatPrompt<const Entries extends readonly ChatEntry[], F extends TemplateFormat = 'fstring'>(
  entries: Entries,
  options: ChatPromptOptions<F> = {},
): ChatPromptTemplate<ChatVars<Entries, F>, ChatAsync<Entries>> {
  const parts = entries.map((entry, index) => compileEntry(entry, index, options.format ?? 'fstring'));
  return new ChatPromptTemplate(parts, options.name);
}
