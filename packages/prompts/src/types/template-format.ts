/**
 * How a template marks variables: `'fstring'` (`{name}`, `{{` and `}}` for
 * literal braces) or `'mustache'` (`{{name}}`, sections, dotted names).
 */
export type TemplateFormat = 'fstring' | 'mustache';
