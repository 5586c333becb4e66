import type { ResponseFormatV1 } from '@rivulet/models';
import type { Tool } from '@anthropic-ai/sdk/resources/messages';

/**
 * Added to the system prompt for JSON mode: the classic Messages API has no
 * JSON mode, and an instruction is what Anthropic's own guides recommend.
 */
export const jsonModeInstruction = 'Respond with a single JSON object and nothing else: no prose, no code fences.';

/**
 * The tool that stands in for a JSON Schema response format. The classic
 * Messages API has no `json_schema` response format, so the request forces a
 * call of this tool, whose input schema is the wanted schema; the stream
 * mapper turns the call's argument deltas back into text, so
 * `withStructuredOutput(schema)` (method `jsonSchema`) behaves as on OpenAI.
 * The schema must describe an object, as tool inputs are objects.
 */
export function responseFormatTool(format: ResponseFormatV1 | undefined): Tool | undefined {
  if (format?.type !== 'json_schema') return undefined;
  return {
    name: format.name,
    description: 'Answer by calling this tool: its input is the response, and must match the schema exactly.',
    // The schema's own `type` stands: a non-object gets the API's clear 400, not a silently different schema.
    input_schema: { type: 'object', ...format.schema },
  };
}
