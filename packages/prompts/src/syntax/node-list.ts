import type { TemplateNode } from './template-node.js';

/** Collects nodes, merging adjacent text so rendering touches each piece once. */
export class NodeList {
  readonly nodes: TemplateNode[] = [];
  #text = '';

  /** Appends literal text. */
  text(text: string): void {
    this.#text += text;
  }

  /** Appends a variable or section, after the pending text. */
  push(node: TemplateNode): void {
    this.flush();
    this.nodes.push(node);
  }

  /** Ends pending text; call before reading `nodes`. */
  flush(): TemplateNode[] {
    if (this.#text !== '') this.nodes.push({ kind: 'text', text: this.#text });
    this.#text = '';
    return this.nodes;
  }
}
