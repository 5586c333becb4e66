import type { AnyVars, EmptyVars } from './empty-vars.js';

// Templates with more braces than this get `AnyVars` rather than a compile
// error: the compiler stops recursive types at 1000 steps.
type MaxSteps = 400;

/**
 * The variable names of an f-string template, one `{` per step. `{{` is an
 * escape, so it is skipped. Malformed templates fail at run time, at construction.
 */
export type FStringNames<T extends string, Names extends string = never, Steps extends 0[] = []> =
  Steps['length'] extends MaxSteps
    ? string
    : T extends `${string}{${infer Rest}`
      ? Rest extends `{${infer After}`
        ? FStringNames<After, Names, [...Steps, 0]>
        : Rest extends `${infer Name}}${infer After}`
          ? FStringNames<After, Names | Name, [...Steps, 0]>
          : Names
      : Names;

/** An object type with a string for each name; `EmptyVars` for none. */
export type NamesToVars<Names extends string> = [Names] extends [never]
  ? EmptyVars
  : string extends Names
    ? AnyVars
    : { [K in Names]: string };

/**
 * The variables of an f-string template, inferred from its literal type:
 * `'Tell me about {topic}'` gives `{ topic: string }`.
 */
export type FStringVars<T extends string> = string extends T ? AnyVars : NamesToVars<FStringNames<T>>;
