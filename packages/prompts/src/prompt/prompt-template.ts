import type { MaybePromise } from '../partials/maybe-promise.js';
import type { AsyncAfterPartial, NoExtraKeys, PartialValues, VarsAfterPartial } from '../partials/partial-values.js';
import type { Partials } from '../partials/resolve-partials.js';
import { renderTemplate } from '../render/render-template.js';
import type { MissingVariables, Scope } from '../render/values.js';
import { describeSource } from '../syntax/malformed-template.js';
import { parseTemplate } from '../syntax/parse-template.js';
import type { ParsedTemplate } from '../syntax/template-node.js';
import type { TemplateFormat } from '../types/template-format.js';
import type { TemplateVars } from '../types/template-variables.js';
import { BasePromptTemplate } from './base-prompt-template.js';

/** Options of {@link promptTemplate}. */
export interface PromptTemplateOptions<F extends TemplateFormat = TemplateFormat> {
  /** How variables are written: `'fstring'` (default, `{name}`) or `'mustache'` (`{{name}}`, sections). */
  readonly format?: F | undefined;
  /** The name in run events. Default `promptTemplate`. */
  readonly name?: string | undefined;
}

/**
 * A text prompt: a template whose variables are filled in to give a string.
 * Build one with {@link promptTemplate}; it is a `Runnable<Vars, string>`.
 */
export class PromptTemplate<Vars, Async extends boolean = false> extends BasePromptTemplate<Vars, string, Async> {
  readonly name: string;
  /** The template text as written. */
  readonly template: string;
  readonly inputVariables: readonly string[];
  readonly #parsed: ParsedTemplate;

  /** Use {@link promptTemplate} (or `fewShot`) rather than this constructor. */
  constructor(parsed: ParsedTemplate, name = 'promptTemplate', partialValues: Partials = {}) {
    super(partialValues);
    this.#parsed = parsed;
    this.name = name;
    this.template = parsed.source;
    this.inputVariables = parsed.variables.filter((variable) => !Object.hasOwn(partialValues, variable));
  }

  /**
   * A copy with some variables filled in, by value or by a function called at
   * each format (sync or async). The copy no longer requires them; a value
   * given at format time still wins.
   *
   * @example
   * ```ts
   * const dated = promptTemplate('Today is {date}. {question}').partial({ date: () => new Date().toDateString() });
   * dated.format({ question: 'What day is it?' });
   * ```
   */
  partial<const P extends PartialValues<Vars>>(
    values: NoExtraKeys<P, Vars>,
  ): PromptTemplate<VarsAfterPartial<Vars, P>, AsyncAfterPartial<Async, P>> {
    return new PromptTemplate(this.#parsed, this.name, { ...this.partialValues, ...values });
  }

  protected render(scope: Scope, missing: MissingVariables): MaybePromise<string> {
    return renderTemplate(this.#parsed, scope, missing, `template ${describeSource(this.template)}`);
  }
}

/**
 * A text prompt whose variables are inferred from the template's literal type.
 * `{name}` is a variable, `{{` and `}}` are literal braces; with
 * `{ format: 'mustache' }`, `{{name}}`, `{{a.b}}` and sections instead.
 * The template is parsed here, once: a malformed one throws an `InputError`
 * with the `position` of the problem.
 *
 * @example
 * ```ts
 * const prompt = promptTemplate('Tell me about {topic}');   // PromptTemplate<{ topic: string }>
 * prompt.format({ topic: 'rivers' });                       // 'Tell me about rivers'
 * const chain = prompt.pipe(model);                         // Runnable<{ topic: string }, AIMessageChunk>
 * ```
 */
export function promptTemplate<const T extends string, F extends TemplateFormat = 'fstring'>(
  template: T,
  options: PromptTemplateOptions<F> = {},
): PromptTemplate<TemplateVars<T, F>> {
  return new PromptTemplate(parseTemplate(template, options.format), options.name);
}
