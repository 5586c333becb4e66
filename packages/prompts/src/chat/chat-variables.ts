import type { MessageLike } from '@rivulet/core';
import type { asyncFormat, BasePromptTemplate } from '../prompt/base-prompt-template.js';
import type { AnyVars, EmptyVars } from '../types/empty-vars.js';
import type { MergeVars } from '../types/merge-vars.js';
import type { TemplateFormat } from '../types/template-format.js';
import type { TemplateVars } from '../types/template-variables.js';
import type { ChatRole } from './chat-entry.js';
import type { Placeholder } from './placeholder.js';

type PartVars<Part, F extends TemplateFormat> = Part extends { readonly type: 'text'; readonly text: infer T extends string }
  ? TemplateVars<T, F>
  : EmptyVars;

type PartsVars<Parts, F extends TemplateFormat> = Parts extends readonly [infer Head, ...infer Rest]
  ? MergeVars<PartVars<Head, F>, PartsVars<Rest, F>>
  : Parts extends readonly []
    ? EmptyVars
    : AnyVars;

type ContentVars<C, F extends TemplateFormat> = C extends string
  ? TemplateVars<C, F>
  : C extends BasePromptTemplate<infer V, string, boolean>
    ? V
    : PartsVars<C, F>;

type PlaceholderVars<Name extends string, Optional extends boolean> = [Optional] extends [false]
  ? { [K in Name]: MessageLike[] }
  : { [K in Name]?: MessageLike[] };

type EntryVars<E, F extends TemplateFormat> = E extends readonly [ChatRole, infer C]
  ? ContentVars<C, F>
  : E extends Placeholder<infer Name, infer Optional>
    ? PlaceholderVars<Name, Optional>
    : E extends BasePromptTemplate<infer V, unknown, boolean>
      ? V
      : EmptyVars;

/**
 * The variables of a chat prompt's entries: those of every template, one
 * message list per placeholder (optional ones are optional keys), and those of
 * nested prompts. A list whose entries are not known one by one gives `AnyVars`.
 */
export type ChatVars<Entries extends readonly unknown[], F extends TemplateFormat = 'fstring'> = number extends Entries['length']
  ? AnyVars
  : Entries extends readonly [infer Head, ...infer Rest]
    ? MergeVars<EntryVars<Head, F>, ChatVars<Rest, F>>
    : EmptyVars;

type AsyncOf<P> = P extends { readonly [asyncFormat]?: infer A }
  ? [A] extends [true]
    ? 'async'
    : [A] extends [false]
      ? 'sync'
      : 'maybe'
  : 'sync';

type EntryMode<E> = E extends readonly [ChatRole, infer C] ? AsyncOf<C> : AsyncOf<E>;

/** Whether formatting the entries may be async: `true` if a nested prompt surely is, `boolean` if one may be. */
export type ChatAsync<Entries extends readonly unknown[]> = 'async' extends EntryMode<Entries[number]>
  ? true
  : 'maybe' extends EntryMode<Entries[number]>
    ? boolean
    : false;
