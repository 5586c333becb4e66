import { joinTemplates } from '../syntax/join-templates.js';
import { parseTemplate } from '../syntax/parse-template.js';
import type { ParsedTemplate } from '../syntax/template-node.js';
import { PromptTemplate } from '../prompt/prompt-template.js';
import type { MergeVars } from '../types/merge-vars.js';
import type { TemplateFormat } from '../types/template-format.js';
import type { TemplateVars } from '../types/template-variables.js';
import { formatExamples } from './format-examples.js';

/** Options of {@link fewShot}. */
export interface FewShotOptions<Ex, Prefix extends string, Suffix extends string, F extends TemplateFormat> {
  /** The examples, each the variables of `examplePrompt`. */
  readonly examples: readonly NoInfer<Ex>[];
  /** Formats one example; it must not have async partial values. */
  readonly examplePrompt: PromptTemplate<Ex, false>;
  /** A template before the examples, such as instructions. */
  readonly prefix?: Prefix | undefined;
  /** A template after the examples, usually holding the input. */
  readonly suffix?: Suffix | undefined;
  /** Between the prefix, each example and the suffix. Default a blank line (`'\n\n'`). */
  readonly separator?: string | undefined;
  /** The format of `prefix` and `suffix`. Default `'fstring'`. */
  readonly format?: F | undefined;
  /** The name in run events. Default `fewShot`. */
  readonly name?: string | undefined;
}

/**
 * A text prompt showing the model worked examples: `prefix`, each example
 * formatted with `examplePrompt`, then `suffix`, joined by `separator`. The
 * examples are formatted once, here, and inserted verbatim; the variables are
 * those of `prefix` and `suffix`.
 *
 * @example
 * ```ts
 * const prompt = fewShot({
 *   examples: [{ word: 'happy', antonym: 'sad' }, { word: 'tall', antonym: 'short' }],
 *   examplePrompt: promptTemplate('Word: {word}\nAntonym: {antonym}'),
 *   prefix: 'Give the antonym of every word.',
 *   suffix: 'Word: {input}\nAntonym:',
 * }); // PromptTemplate<{ input: string }>
 * ```
 */
export function fewShot<
  Ex,
  const Prefix extends string = '',
  const Suffix extends string = '',
  F extends TemplateFormat = 'fstring',
>(
  options: FewShotOptions<Ex, Prefix, Suffix, F>,
): PromptTemplate<MergeVars<TemplateVars<Prefix, F>, TemplateVars<Suffix, F>>> {
  const { examples, examplePrompt, prefix, suffix, separator = '\n\n', format } = options;
  const body = formatExamples(examples, (example) => examplePrompt.format(example)).join(separator);
  const pieces: (ParsedTemplate | string)[] = [body];
  if (prefix !== undefined) pieces.unshift(parseTemplate(prefix, format), separator);
  if (suffix !== undefined) pieces.push(separator, parseTemplate(suffix, format));
  return new PromptTemplate(joinTemplates(pieces), options.name ?? 'fewShot');
}
