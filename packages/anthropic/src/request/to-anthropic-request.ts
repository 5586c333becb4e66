import { InputError } from '@rivulet/core';
import type { ChatRequestV1, ToolChoiceV1, ToolDefinitionV1 } from '@rivulet/provider';
import type { AnthropicRequestBody, AnthropicTool, AnthropicToolChoice } from './anthropic-request-body.js';
import { jsonModeInstruction, responseFormatTool, toolInput } from './response-format.js';
import { toAnthropicConversation } from './to-anthropic-messages.js';

/**
 * `max_tokens` when the caller sets none. Anthropic requires the field; 4096
 * fits every current model's output limit and most replies, and `maxTokens`
 * overrides it (raise it for extended thinking, whose budget counts against it).
 */
export const defaultMaxTokens = 4096;

/**
 * A normalised request as a streaming Messages API body. Seed and the
 * penalties have no Anthropic counterpart and are left out; `n > 1` is
 * refused, since the API gives one reply per request. `providerOptions` are
 * spread last, so any field the API supports (`thinking`, `top_k`,
 * `metadata`) can be reached.
 */
export function toAnthropicRequest(model: string, request: ChatRequestV1, provider: string): AnthropicRequestBody {
  const { params, responseFormat } = request;
  if ((params.n ?? 1) > 1) throw new InputError(`${provider}: the Messages API gives one reply per request; n = ${params.n} is not supported.`);
  const { system, messages } = toAnthropicConversation(request.messages);
  const format = responseFormatTool(responseFormat, provider);
  const tools = [...(request.tools ?? []).map((tool) => toAnthropicTool(tool, provider)), ...(format ? [format] : [])];
  const toolChoice: AnthropicToolChoice | undefined = format ? { type: 'tool', name: format.name } : toAnthropicToolChoice(request.toolChoice);
  const instructions = [system, responseFormat?.type === 'json' ? jsonModeInstruction : undefined].filter(Boolean).join('\n\n');
  const body: AnthropicRequestBody = {
    model,
    max_tokens: params.maxTokens ?? defaultMaxTokens,
    messages,
    stream: true,
    ...(instructions !== '' && { system: instructions }),
    ...(params.temperature !== undefined && { temperature: params.temperature }),
    ...(params.topP !== undefined && { top_p: params.topP }),
    ...(params.stop !== undefined && { stop_sequences: [...params.stop] }),
    ...(tools.length > 0 && { tools }),
    ...(toolChoice !== undefined && { tool_choice: toolChoice }),
  };
  return { ...body, ...request.providerOptions } as AnthropicRequestBody;
}

function toAnthropicTool(tool: ToolDefinitionV1, provider: string): AnthropicTool {
  return {
    name: tool.name,
    ...(tool.description !== undefined && { description: tool.description }),
    ...toolInput(tool.parameters, tool.strict === true, provider, `tool ${tool.name}`),
  };
}

function toAnthropicToolChoice(choice: ToolChoiceV1 | undefined): AnthropicToolChoice | undefined {
  switch (choice) {
    case undefined:
      return undefined;
    case 'auto':
    case 'none':
      return { type: choice };
    case 'required':
      return { type: 'any' };
    default:
      return { type: 'tool', name: choice.name };
  }
}
