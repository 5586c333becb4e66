import type { FStringVars } from './fstring-variables.js';
import type { MustacheVars } from './mustache-variables.js';
import type { TemplateFormat } from './template-format.js';

/**
 * The variables a template needs, inferred from its literal text and format.
 *
 * @example
 * ```ts
 * type A = TemplateVars<'Tell me about {topic}'>;            // { topic: string }
 * type B = TemplateVars<'Hi {{user.name}}', 'mustache'>;      // { user: { name: string } }
 * ```
 */
export type TemplateVars<T extends string, F extends TemplateFormat = 'fstring'> = F extends 'mustache'
  ? MustacheVars<T>
  : FStringVars<T>;
