import type { ChatRequestV1, ResponseFormatV1, ToolChoiceV1, ToolDefinitionV1 } from '@rivulet/provider';
import type OpenAI from 'openai';
import { checkSamplingParams } from './check-sampling-params.js';
import { toResponsesInput } from './to-responses-input.js';

type StreamingParams = OpenAI.Responses.ResponseCreateParamsStreaming;

/**
 * A normalised request as streaming Responses API parameters.
 *
 * `store: false` unless `providerOptions` say otherwise: Rivulet sends the
 * whole conversation every time and never refers back to a stored response,
 * so storing one only keeps the user's data on OpenAI's servers (and is
 * refused outright for zero-data-retention organisations).
 *
 * `providerOptions` go in last, as Responses API fields (`reasoning`,
 * `include`, `instructions`, `service_tier`, `store`, ...), so a caller can
 * reach any field the SDK supports; a `text` option is merged with the
 * response format rather than replacing it.
 */
export function toResponsesRequest(model: string, request: ChatRequestV1, provider: string): StreamingParams {
  const { params, tools, toolChoice, responseFormat } = request;
  checkSamplingParams(params, provider);
  const { text, ...extras } = request.providerOptions ?? {};
  const textConfig = toTextConfig(responseFormat, text);
  const body: StreamingParams = {
    model,
    input: toResponsesInput(request.messages),
    stream: true,
    store: false,
    ...(params.temperature !== undefined && { temperature: params.temperature }),
    ...(params.topP !== undefined && { top_p: params.topP }),
    ...(params.maxTokens !== undefined && { max_output_tokens: params.maxTokens }),
    ...(tools !== undefined && { tools: tools.map(toFunctionTool) }),
    ...(toolChoice !== undefined && { tool_choice: toToolChoice(toolChoice) }),
    ...(textConfig !== undefined && { text: textConfig }),
  };
  return { ...body, ...extras } as StreamingParams;
}

function toFunctionTool(tool: ToolDefinitionV1): OpenAI.Responses.FunctionTool {
  return {
    type: 'function',
    name: tool.name,
    parameters: { ...tool.parameters },
    // The Responses API makes function tools strict unless told; a schema not written for strict mode would be refused.
    strict: tool.strict ?? false,
    ...(tool.description !== undefined && { description: tool.description }),
  };
}

function toToolChoice(choice: ToolChoiceV1): NonNullable<StreamingParams['tool_choice']> {
  return typeof choice === 'string' ? choice : { type: 'function', name: choice.name };
}

/** The `text` field: the response format, over the caller's own `text` options (`verbosity`). */
function toTextConfig(format: ResponseFormatV1 | undefined, extra: unknown): OpenAI.Responses.ResponseTextConfig | undefined {
  if (format === undefined && extra === undefined) return undefined;
  return { ...(extra as OpenAI.Responses.ResponseTextConfig | undefined), ...(format !== undefined && { format: toTextFormat(format) }) };
}

function toTextFormat(format: ResponseFormatV1): OpenAI.Responses.ResponseFormatTextConfig {
  switch (format.type) {
    case 'text':
      return { type: 'text' };
    case 'json':
      return { type: 'json_object' };
    case 'json_schema':
      return { type: 'json_schema', name: format.name, schema: { ...format.schema }, strict: format.strict ?? true };
  }
}
