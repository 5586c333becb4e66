import { map, type Observable } from 'rxjs';
import { delta, parallel, passthrough, Runnable, type AIMessageChunk } from '@rivulet/core';
import { structuredParser, type DeepPartial } from '@rivulet/parsers';
import type { z } from 'zod';
import type { ChatModel } from './chat-model.js';
import type { ChatModelInput } from './chat-model-input.js';
import { toJsonSchema } from './tool.js';

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

/** The model configured for the method, and the step that parses its chunks. */
function plan<S extends z.ZodType>(model: ChatModel, schema: S, options: StructuredOutputOptions) {
  const name = options.name ?? 'output';
  const parser = structuredParser(schema);
  switch (options.method ?? 'jsonSchema') {
    case 'tool':
      return {
        configured: model.bindTools([{ name, description: options.description, schema, strict: options.strict }], { toolChoice: { name } }),
        parse: toolArguments(name).pipe(parser),
      };
    case 'jsonMode':
      return { configured: model.withOptions({ responseFormat: { type: 'json' } }), parse: parser };
    case 'jsonSchema':
      return {
        configured: model.withOptions({
          responseFormat: { type: 'json_schema', name, schema: toJsonSchema(schema), strict: options.strict ?? true },
        }),
        parse: parser,
      };
  }
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
