import type { ToolCall } from '@rivulet/core';
import type { z } from 'zod';

type AnyArgs = Readonly<Record<string, unknown>>;

/**
 * The arguments a tool's calls are typed with: its schema's input side (what
 * the model writes, before transforms and defaults), or any object for a
 * bare definition or a schema that is not an object.
 */
export type ToolArgsOf<T> = T extends { readonly schema: infer S extends z.ZodType } ? (z.input<S> extends AnyArgs ? z.input<S> : AnyArgs) : AnyArgs;

/**
 * The call a model may make of tool `T`: `ToolCall<'weather', { city: string }>`
 * for a tool with a literal name, any `ToolCall` for one named by a `string`
 * only known at run time.
 *
 * @example
 * ```ts
 * const weather = tool({ name: 'weather', schema: z.object({ city: z.string() }) });
 * type WeatherCall = ToolCallOf<typeof weather>; // ToolCall<'weather', { city: string }>
 * ```
 */
export type ToolCallOf<T> = T extends { readonly name: infer N extends string } ? (string extends N ? ToolCall : ToolCall<N, ToolArgsOf<T>>) : ToolCall;

/** True when `Calls` admits a call of any name (the untyped `ToolCall`). */
type AdmitsAnyCall<Calls> = [ToolCall] extends [Calls] ? true : false;

/**
 * The tool calls of a model's replies once `Bound` calls are added by
 * `bindTools`: the first tools with literal names replace the untyped
 * `ToolCall`, later ones join the union; a tool named by a `string` makes any
 * name possible again.
 */
export type CallsAfterBinding<Current extends ToolCall, Bound extends ToolCall> = [Bound] extends [never]
  ? Current
  : AdmitsAnyCall<Bound> extends true
    ? ToolCall
    : AdmitsAnyCall<Current> extends true
      ? Bound
      : Current | Bound;
