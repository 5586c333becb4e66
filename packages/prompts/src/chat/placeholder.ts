/** Options of {@link placeholder}. */
export interface PlaceholderOptions<Optional extends boolean = boolean> {
  /** When true, the variable may be left out (no messages are inserted). Default false. */
  readonly optional?: Optional | undefined;
}

/** A slot in a chat prompt for a list of messages given at format time. */
export interface Placeholder<Name extends string = string, Optional extends boolean = boolean> {
  readonly kind: 'placeholder';
  readonly name: Name;
  readonly optional: Optional;
}

/**
 * A slot in a `chatPrompt` for a list of messages, such as a conversation's
 * history. The variable `name` takes an array of `MessageLike` (messages,
 * `{ role, content }` objects, `[role, content]` tuples); they are inserted as
 * given, never templated.
 *
 * @example
 * ```ts
 * const prompt = chatPrompt([['system', 'Be brief.'], placeholder('history', { optional: true }), ['human', '{question}']]);
 * await prompt.invoke({ question: 'And in May?', history: [['human', 'Rain in April?'], ['ai', 'Often.']] });
 * ```
 */
export function placeholder<const Name extends string>(name: Name, options?: PlaceholderOptions<false>): Placeholder<Name, false>;
export function placeholder<const Name extends string>(name: Name, options: PlaceholderOptions<true>): Placeholder<Name, true>;
export function placeholder<const Name extends string>(name: Name, options: PlaceholderOptions): Placeholder<Name>;
// Overloads rather than inferring `Optional`: inside a `chatPrompt` list the
// expected entry type would otherwise widen it to `boolean`.
export function placeholder(name: string, options: PlaceholderOptions = {}): Placeholder {
  return Object.freeze({ kind: 'placeholder', name, optional: options.optional ?? false });
}

/** True for a value built by {@link placeholder}. */
export function isPlaceholder(value: unknown): value is Placeholder {
  return typeof value === 'object' && value !== null && (value as Partial<Placeholder>).kind === 'placeholder';
}
