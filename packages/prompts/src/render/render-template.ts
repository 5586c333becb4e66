import type { ParsedTemplate, SectionNode, TemplateNode } from '../syntax/template-node.js';
import { lookup } from './lookup.js';
import { stringifyValue } from './stringify-value.js';
import { noteMissing, type MissingVariables, type Scope } from './values.js';

/**
 * Formats a parsed template in one pass over its nodes. A missing variable
 * (absent, `undefined` or `null`) is noted in `missing` and the pass goes on,
 * so the caller can report every missing name at once.
 */
export function renderTemplate(template: ParsedTemplate, scope: Scope, missing: MissingVariables, where: string): string {
  return renderNodes(template.nodes, [...scope], missing, where);
}

function renderNodes(nodes: readonly TemplateNode[], stack: unknown[], missing: MissingVariables, where: string): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') {
      out += node.text;
      continue;
    }
    const value = lookup(stack, node.path);
    // A section may be null (it just renders nothing); a variable may not.
    if (value === undefined || (value === null && node.kind === 'variable')) noteMissing(missing, node.name, where);
    else if (node.kind === 'variable') out += stringifyValue(value, node.name);
    else out += renderSection(node, value, stack, missing, where);
  }
  return out;
}

function renderSection(node: SectionNode, value: unknown, stack: unknown[], missing: MissingVariables, where: string): string {
  const empty = !value || (Array.isArray(value) && value.length === 0);
  if (node.inverted) return empty ? renderNodes(node.children, stack, missing, where) : '';
  if (empty) return '';
  let out = '';
  for (const item of Array.isArray(value) ? (value as unknown[]) : [value]) {
    stack.push(item);
    out += renderNodes(node.children, stack, missing, where);
    stack.pop();
  }
  return out;
}
