import { InputError } from '@rivulet/core';
import type { JsonSchema, ResponseFormatV1 } from '@rivulet/provider';
import { toStrictJsonSchema } from '@rivulet/provider-utils';
import type { AnthropicTool } from './anthropic-request-body.js';

/**
 * Added to the system prompt for JSON mode: the classic Messages API has no
 * JSON mode, and an instruction is what Anthropic's own guides recommend.
 */
export const jsonModeInstruction = 'Respond with a single JSON object and nothing else: no prose, no code fences.';

/**
 * The tool that stands in for a JSON Schema response format. The classic
 * Messages API has no `json_schema` response format, so the request forces a
 * call of this tool, whose input schema is the wanted schema; the stream
 * mapper turns the call's input deltas back into text, so
 * `withStructuredOutput(schema)` (method `jsonSchema`) behaves as on OpenAI.
 * A strict format is held to provider-utils' strict-mode rules and sent as a
 * strict tool. Tool inputs are objects, so a schema whose root is not one is
 * an `InputError` before any request.
 */
export function responseFormatTool(format: ResponseFormatV1 | undefined, provider: string): AnthropicTool | undefined {
  if (format?.type !== 'json_schema') return undefined;
  return {
    name: format.name,
    description: 'Answer by calling this tool: its input is the response, and must match the schema exactly.',
    ...toolInput(format.schema, format.strict === true, provider, `response format ${format.name}`),
  };
}

/**
 * The `input_schema` (and `strict`) of a tool: a strict one rewritten to the
 * strict-mode rules (every property required, optional ones nullable, no
 * extra properties), any other one sent as it is. The root must be an object.
 */
export function toolInput(schema: JsonSchema, strict: boolean, provider: string, what: string): Pick<AnthropicTool, 'input_schema' | 'strict'> {
  const type = schema['type'];
  if (type !== undefined && type !== 'object') {
    throw new InputError(`${provider}: the schema of ${what} must describe an object (tool inputs are objects); its root is ${JSON.stringify(type)}.`);
  }
  const input = strict ? toStrictJsonSchema({ ...schema, type: 'object' }) : schema;
  return { input_schema: { ...input, type: 'object' }, ...(strict && { strict: true }) };
}
