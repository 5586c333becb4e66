/** Variable values by name, as a caller passes them. */
export type Values = Readonly<Record<string, unknown>>;

/**
 * Where a template looks variables up: contexts from outermost to innermost.
 * The caller's values are innermost, partial values outside them, so a value
 * the caller gives wins over a partial; mustache sections push their items.
 */
export type Scope = readonly unknown[];

/** Missing variables, by name, each with where it was needed (for the error message). */
export type MissingVariables = Map<string, string>;

/** Notes that `name` was missing in `where`; the first place it was needed is kept. */
export function noteMissing(missing: MissingVariables, name: string, where: string): void {
  if (!missing.has(name)) missing.set(name, where);
}
