import { malformedTemplate } from './malformed-template.js';
import { isDottedName } from './variable-name.js';

/** What a mustache tag does. */
export type MustacheTag =
  | { readonly kind: 'variable' | 'open' | 'inverted' | 'close'; readonly name: string }
  | { readonly kind: 'comment' };

const unsupported: Readonly<Record<string, string>> = {
  '{': 'triple braces are not needed: {{name}} inserts the value verbatim, without HTML escaping',
  '>': 'partials ({{> name}}) are not supported',
  '=': 'changing delimiters ({{=<% %>=}}) is not supported',
};

const kinds: Readonly<Record<string, 'open' | 'inverted' | 'close' | 'variable'>> = {
  '#': 'open',
  '^': 'inverted',
  '/': 'close',
  '&': 'variable',
};

/** Reads the inside of `{{...}}` found at `position`. */
export function readMustacheTag(inside: string, source: string, position: number): MustacheTag {
  const sigil = inside.trimStart()[0] ?? '';
  if (sigil === '!') return { kind: 'comment' };
  const problem = unsupported[sigil];
  if (problem !== undefined) throw malformedTemplate(problem, source, position);
  const kind = kinds[sigil];
  const name = (kind === undefined ? inside : inside.trimStart().slice(1)).trim();
  if (name === '') throw malformedTemplate(`'{{${inside}}}' has no variable name`, source, position);
  if (!isDottedName(name) || (name === '.' && kind !== undefined && kind !== 'variable')) {
    throw malformedTemplate(`${JSON.stringify(name)} is not a variable name (identifiers joined by dots, or '.')`, source, position);
  }
  return { kind: kind ?? 'variable', name };
}
