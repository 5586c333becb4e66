import type { $ZodType } from 'zod/v4/core';

/**
 * What a schema says about the raw JSON at one place, with wrappers (optional,
 * default, readonly...) peeled off and unions flattened into alternatives.
 * `schema` is the zod schema that validates the raw JSON value there.
 */
export type SchemaNode =
  | { readonly kind: 'object'; readonly schema: $ZodType; readonly shape: Readonly<Record<string, $ZodType>>; readonly rest: $ZodType | 'any' | 'none' }
  | { readonly kind: 'record'; readonly schema: $ZodType; readonly value: $ZodType }
  | { readonly kind: 'array'; readonly schema: $ZodType; readonly element: $ZodType }
  | { readonly kind: 'tuple'; readonly schema: $ZodType; readonly items: readonly $ZodType[]; readonly rest: $ZodType | null }
  | {
      readonly kind: 'string' | 'number' | 'boolean';
      readonly schema: $ZodType;
      /** Accepts every value of its JSON type (no checks): nothing to validate once the type fits. */
      readonly plain: boolean;
    }
  | { readonly kind: 'null' }
  | { readonly kind: 'values'; readonly schema: $ZodType; readonly values: readonly unknown[] };

/** The alternatives at one place, or `'any'` where the schema cannot tell (any, unknown, catch, coercion, custom...). */
export type SchemaNodes = readonly SchemaNode[] | 'any';
