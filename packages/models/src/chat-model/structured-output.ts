import { map, type Observable } from 'rxjs';
import { fromOperator, snapshot } from '@rivulet/core';
import { delta, parallel, passthrough, Runnable, type AIMessageChunk } from '@rivulet/core';
import { structuredParser, type DeepPartial } from '@rivulet/parsers';
import type { z } from 'zod';
import type { ChatModel } from './chat-model.js';
import type { ChatModelInput } from './chat-model-input.js';
import { outputSchema, WRAPPED_KEY } from './output-schema.js';

/** How a model is asked for structured output. */
export type StructuredOutputMethod = 'jsonSchema' | 'tool' | 'jsonMode';

/** Options of `withStructuredOutput`. */
export interface StructuredOutputOptions {
  /**
   * `jsonSchema` (default): the provider's strict JSON Schema response format.
   * `tool`: a forced call of a tool whose arguments are the object.
   * `jsonMode`: plain JSON mode; the schema is only checked by the parser.
   */
  readonly method?: StructuredOutputMethod | undefined;
  /** The schema's (or tool's) name, as the provider sees it. Default `output`. */
  readonly name?: string | undefined;
  readonly description?: string | undefined;
  /** Ask the provider to enforce the schema exactly. Default true for `jsonSchema`. */
  readonly strict?: boolean | undefined;
}

/** What `includeRaw` gives: the model's whole message beside the parsed value. */
export interface RawAndParsed<T> {
  readonly raw: AIMessageChunk;
  readonly parsed: T;
}

/**
 * `model` asked for JSON matching `schema`, parsed as it streams: chunks are
 * deep-partial snapshots, validated as they grow; `invoke` gives the value
 * validated by the whole schema.
 */
export function structuredOutput<S extends z.ZodType>(
  model: ChatModel,
  schema: S,
  options: StructuredOutputOptions = {},
): Runnable<ChatModelInput, z.output<S>, DeepPartial<z.output<S>>> {
  const { configured, parse } = plan(model, schema, options);
  return configured.pipe(parse);
}

/**
 * The same, with the model's whole message kept beside the parsed value.
 * Chunks are keyed: `{ raw: chunk }` as the model streams, `{ parsed: snapshot }`
 * as the value grows.
 */
export function structuredOutputWithRaw<S extends z.ZodType>(
  model: ChatModel,
  schema: S,
  options: StructuredOutputOptions = {},
): Runnable<ChatModelInput, RawAndParsed<z.output<S>>, Partial<RawAndParsed<DeepPartial<z.output<S>>>>> {
  const { configured, parse } = plan(model, schema, options);
  return configured.pipe(parallel({ raw: passthrough<AIMessageChunk>(), parsed: parse }));
}

/**
 * The model configured for the method, and the step that parses its chunks.
 * The schema is checked here, at the call, so a schema no provider can take
 * fails before any request. A non-object root is wrapped for the provider
 * (except in JSON mode, where the prompt says what to write) and unwrapped
 * for the user.
 */
function plan<S extends z.ZodType>(model: ChatModel, schema: S, options: StructuredOutputOptions) {
  const name = options.name ?? 'output';
  const method = options.method ?? 'jsonSchema';
  const strict = options.strict ?? method === 'jsonSchema';
  const { jsonSchema, parseSchema, wrapped } = outputSchema(schema, { wrap: method !== 'jsonMode' });
  // A strict provider is sent optional fields as nullable, and writes null for one it leaves out.
  const parser = structuredParser(parseSchema, { nullAsAbsent: strict });
  const unwrapped = wrapped ? parser.pipe(unwrap()) : parser;
  // Typed as the parser of `schema` itself: wrapping is invisible to the user.
  const parse = unwrapped as unknown as ReturnType<typeof structuredParser<S>>;
  switch (method) {
    case 'tool':
      return {
        configured: model.bindTools([{ name, description: options.description, parameters: jsonSchema, strict }], { toolChoice: { name } }),
        parse: toolArguments(name).pipe(parse),
      };
    case 'jsonMode':
      return { configured: model.withOptions({ responseFormat: { type: 'json' } }), parse };
    case 'jsonSchema':
      return {
        configured: model.withOptions({ responseFormat: { type: 'json_schema', name, schema: jsonSchema, strict } }),
        parse,
      };
  }
}

/** The wrapped value's snapshots as the value's own (still snapshots: each replaces the last). */
function unwrap(): Runnable<unknown, unknown, unknown> {
  return fromOperator(map((wrapper: unknown) => (wrapper as Record<string, unknown> | undefined)?.[WRAPPED_KEY]), {
    name: 'unwrap',
    aggregation: snapshot<unknown, unknown>(),
  });
}

/** The argument text of the calls of tool `name`, as a text stream for a parser. */
function toolArguments(name: string): Runnable<AIMessageChunk, string> {
  return Runnable.from<AIMessageChunk, string>({
    name: 'toolArguments',
    aggregation: delta<string>(),
    doStream: (input): Observable<string> => {
      let current: number | undefined;
      return input.chunks.pipe(
        map((chunk) => {
          let text = '';
          for (const call of chunk.toolCallChunks) {
            if (call.name === name) current = call.index;
            if (call.index === current && call.argsText) text += call.argsText;
          }
          return text;
        }),
      );
    },
  });
}
