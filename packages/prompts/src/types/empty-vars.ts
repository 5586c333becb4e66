/**
 * The variables of a template that has none: an empty object is accepted, and
 * so is nothing else, which catches a value passed where no variable exists.
 */
export type EmptyVars = Record<string, never>;

/** The variables of a template whose text is a plain `string`, unknown until run time. */
export type AnyVars = Record<string, unknown>;
