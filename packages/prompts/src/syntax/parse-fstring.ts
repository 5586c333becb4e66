import { malformedTemplate } from './malformed-template.js';
import { NodeList } from './node-list.js';
import type { ParsedTemplate } from './template-node.js';
import { isIdentifier } from './variable-name.js';

/**
 * Parses an f-string template: `{name}` is a variable, `{{` and `}}` are
 * literal braces. One left-to-right pass; each character is read once.
 *
 * @throws InputError with `.position` on an unclosed `{`, a stray `}`, an empty or invalid name.
 */
export function parseFString(source: string): ParsedTemplate {
  const list = new NodeList();
  const variables = new Set<string>();
  let start = 0;
  let i = 0;
  while (i < source.length) {
    const char = source[i];
    if (char !== '{' && char !== '}') {
      i++;
      continue;
    }
    list.text(source.slice(start, i));
    if (source[i + 1] === char) {
      list.text(char);
      i += 2;
    } else if (char === '}') {
      throw malformedTemplate("a single '}' closes nothing (write '}}' for a literal brace)", source, i);
    } else {
      const close = source.indexOf('}', i + 1);
      if (close === -1) throw malformedTemplate("'{' is never closed (write '{{' for a literal brace)", source, i);
      const name = source.slice(i + 1, close);
      if (name === '') throw malformedTemplate("'{}' has no variable name", source, i);
      if (!isIdentifier(name)) {
        const why = `${JSON.stringify(name)} is not a variable name (letters, digits and _, not starting with a digit)`;
        throw malformedTemplate(why, source, i);
      }
      list.push({ kind: 'variable', name, path: [name] });
      variables.add(name);
      i = close + 1;
    }
    start = i;
  }
  list.text(source.slice(start));
  return { source, nodes: list.flush(), variables: [...variables] };
}
