import type { AnyVars, EmptyVars } from './empty-vars.js';
import type { Simplify } from './simplify.js';

// Beyond this many tags the template gets `AnyVars` rather than a compile error.
type MaxTags = 300;

type Blank = ' ' | '\t' | '\n' | '\r';
type Trim<S extends string> = S extends `${Blank}${infer R}` ? Trim<R> : S extends `${infer R}${Blank}` ? Trim<R> : S;

/** One tag: a variable, the opening of a section or inverted section, or a closing tag. */
type Token = readonly ['var' | 'open' | 'inverted', string] | readonly ['close'];

type ToToken<Tag extends string> = Tag extends `#${infer Name}`
  ? ['open', Trim<Name>]
  : Tag extends `^${infer Name}`
    ? ['inverted', Trim<Name>]
    : Tag extends `/${string}`
      ? ['close']
      : Tag extends `!${string}`
        ? never
        : Tag extends `&${infer Name}`
          ? ['var', Trim<Name>]
          : ['var', Tag];

type Tokenize<T extends string, Tokens extends Token[] = []> = Tokens['length'] extends MaxTags
  ? 'too many'
  : T extends `${string}{{${infer Tag}}}${infer Rest}`
    ? Tokenize<Rest, [ToToken<Trim<Tag>>] extends [never] ? Tokens : [...Tokens, ToToken<Trim<Tag>>]>
    : Tokens;

type Split<Name extends string> = Name extends `${infer Head}.${infer Rest}` ? [Head, ...Split<Rest>] : [Name];

/** A value the template reads at `path`, relative to its scope. */
interface Entry<Path extends string[] = string[], Value = unknown> {
  readonly path: Path;
  readonly value: Value;
}

type EntryOf<Name extends string, Value> = Name extends '.' ? Entry<['.'], Value> : Entry<Split<Name>, Value>;

/**
 * Reads tokens up to the closing tag of the current section, returning
 * `[entries of this scope, tokens after the closing tag]`. Names inside a
 * section are fields of its items; an inverted section renders in the
 * current scope, so its names stay in it.
 */
type Block<Tokens extends readonly Token[], Entries = never> = Tokens extends readonly [
  infer Head,
  ...infer Rest extends Token[],
]
  ? Head extends readonly ['var', infer Name extends string]
    ? Block<Rest, Entries | EntryOf<Name, string>>
    : Head extends readonly ['open', infer Name extends string]
      ? Block<Rest> extends [infer Inner, infer After extends Token[]]
        ? Block<After, Entries | EntryOf<Name, SectionValue<Inner>>>
        : never
      : Head extends readonly ['inverted', infer Name extends string]
        ? Block<Rest> extends [infer Inner, infer After extends Token[]]
          ? Block<After, Entries | Inner | EntryOf<Name, unknown>>
          : never
        : [Entries, Rest]
  : [Entries, []];

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

type Heads<E> = E extends Entry<[infer Head extends string, ...string[]]> ? Exclude<Head, '.'> : never;
// Boxed, so that a union value (`boolean`, a section's alternatives) is not spread by the intersection.
type LeafBoxes<E, K extends string> = E extends Entry<[K], infer Value> ? { readonly value: Value } : never;
type LeafValue<E, K extends string> = UnionToIntersection<LeafBoxes<E, K>> extends { readonly value: infer V } ? V : unknown;
type Deeper<E, K extends string> = E extends Entry<[K, infer Next extends string, ...infer Tail extends string[]], infer Value>
  ? Entry<[Next, ...Tail], Value>
  : never;
type Nested<E> = [E] extends [never] ? unknown : Build<E>;

/** The object type of a scope: one key per head of a path, nested along dotted names. */
type Build<E> = Simplify<{ [K in Heads<E>]: LeafValue<E, K> & Nested<Deeper<E, K>> }>;

type HasDot<E> = [Extract<E, Entry<['.']>>] extends [never] ? false : true;
type HasFields<E> = [Heads<E>] extends [never] ? false : true;

/** What a section's items look like: `{{.}}` alone means scalars, names mean objects. */
type SectionItem<Inner> =
  HasDot<Inner> extends true
    ? HasFields<Inner> extends true
      ? unknown
      : string
    : HasFields<Inner> extends true
      ? Build<Inner>
      : unknown;

/** A section renders once per item of a list, once for a truthy value, never for a falsy one. */
export type SectionValue<Inner> =
  unknown extends SectionItem<Inner> ? unknown : SectionItem<Inner> | readonly SectionItem<Inner>[] | boolean | null;

type TopLevel<Tokens> = Tokens extends readonly Token[] ? Block<Tokens>[0] : never;

/**
 * The variables of a mustache template, inferred from its literal type:
 * `{{name}}` is a string, `{{a.b}}` nests, `{{#list}}{{title}}{{/list}}` is a
 * list of `{ title: string }` (or a boolean or one object).
 */
export type MustacheVars<T extends string> = string extends T
  ? AnyVars
  : Tokenize<T> extends 'too many'
    ? AnyVars
    : [Heads<TopLevel<Tokenize<T>>>] extends [never]
      ? EmptyVars
      : Build<TopLevel<Tokenize<T>>>;
