/** Literal text, emitted as is. */
export interface TextNode {
  readonly kind: 'text';
  readonly text: string;
}

/** A value inserted into the text. An empty `path` is mustache's `{{.}}`, the current item. */
export interface VariableNode {
  readonly kind: 'variable';
  /** The name as written, for error messages. */
  readonly name: string;
  readonly path: readonly string[];
}

/** A mustache section (`{{#name}}`) or inverted section (`{{^name}}`). */
export interface SectionNode {
  readonly kind: 'section';
  readonly name: string;
  readonly path: readonly string[];
  readonly inverted: boolean;
  readonly children: readonly TemplateNode[];
}

/** One piece of a parsed template. */
export type TemplateNode = TextNode | VariableNode | SectionNode;

/** A template parsed once, at construction, into nodes that format in a single pass. */
export interface ParsedTemplate {
  /** The template text as written, for error messages. */
  readonly source: string;
  readonly nodes: readonly TemplateNode[];
  /** The names read from the input (not from a section's items), in order of first use. */
  readonly variables: readonly string[];
}
