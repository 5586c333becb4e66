import { malformedTemplate } from './malformed-template.js';
import { readMustacheTag } from './mustache-tag.js';
import { NodeList } from './node-list.js';
import { standaloneLine } from './standalone-line.js';
import type { ParsedTemplate } from './template-node.js';

interface OpenSection {
  readonly name: string;
  readonly inverted: boolean;
  readonly position: number;
  readonly children: NodeList;
}

/**
 * Parses a mustache template: `{{name}}`, dotted names `{{a.b}}`, `{{.}}`,
 * sections `{{#list}}...{{/list}}`, inverted sections `{{^x}}...{{/x}}` and
 * comments `{{! ... }}`. Values are inserted verbatim (no HTML escaping).
 * Lines holding only a section tag or a comment are dropped, as mustache does.
 *
 * @throws InputError with `.position` on an unclosed tag or section, a mismatched close, or a bad name.
 */
export function parseMustache(source: string): ParsedTemplate {
  const root = new NodeList();
  const open: OpenSection[] = [];
  const variables = new Set<string>();
  let pos = 0;
  for (let start = source.indexOf('{{'); start !== -1; start = source.indexOf('{{', pos)) {
    const close = source.indexOf('}}', start + 2);
    if (close === -1) throw malformedTemplate("'{{' is never closed", source, start);
    const tag = readMustacheTag(source.slice(start + 2, close), source, start);
    const line = tag.kind === 'variable' ? undefined : standaloneLine(source, pos, start, close + 2);
    const current = open.at(-1)?.children ?? root;
    current.text(source.slice(pos, line?.from ?? start));
    pos = line?.to ?? close + 2;
    if (tag.kind === 'comment') continue;
    // Names inside a (non-inverted) section are read from its items, not from the input.
    const inInput = open.every((section) => section.inverted);
    if (inInput && tag.kind !== 'close' && tag.name !== '.') variables.add(tag.name.split('.')[0] ?? tag.name);
    if (tag.kind === 'variable') {
      current.push({ kind: 'variable', name: tag.name, path: tag.name === '.' ? [] : tag.name.split('.') });
    } else if (tag.kind === 'close') {
      const section = open.pop();
      if (section === undefined) throw malformedTemplate(`'{{/${tag.name}}}' closes no section`, source, start);
      if (section.name !== tag.name) {
        const why = `'{{/${tag.name}}}' closes the section '${section.name}' opened at position ${section.position}`;
        throw malformedTemplate(why, source, start);
      }
      (open.at(-1)?.children ?? root).push({
        kind: 'section',
        name: section.name,
        path: section.name.split('.'),
        inverted: section.inverted,
        children: section.children.flush(),
      });
    } else {
      open.push({ name: tag.name, inverted: tag.kind === 'inverted', position: start, children: new NodeList() });
    }
  }
  const unclosed = open.at(-1);
  if (unclosed !== undefined) throw malformedTemplate(`the section '${unclosed.name}' is never closed`, source, unclosed.position);
  root.text(source.slice(pos));
  return { source, nodes: root.flush(), variables: [...variables] };
}
