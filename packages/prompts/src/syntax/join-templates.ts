import { NodeList } from './node-list.js';
import type { ParsedTemplate } from './template-node.js';

/**
 * Parsed templates and literal text, one after the other, as one template.
 * The text is never parsed, so it may hold anything (formatted examples).
 */
export function joinTemplates(pieces: readonly (ParsedTemplate | string)[]): ParsedTemplate {
  const list = new NodeList();
  const variables = new Set<string>();
  let source = '';
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      list.text(piece);
      source += piece;
      continue;
    }
    for (const node of piece.nodes) {
      if (node.kind === 'text') list.text(node.text);
      else list.push(node);
    }
    for (const variable of piece.variables) variables.add(variable);
    source += piece.source;
  }
  return { source, nodes: list.flush(), variables: [...variables] };
}
