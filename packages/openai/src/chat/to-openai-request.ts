import type OpenAI from 'openai';
import type { ChatRequestV1, ResponseFormatV1, ToolChoiceV1 } from '@rivulet/provider';
import { toStrictJsonSchema } from '@rivulet/provider-utils';
import { toOpenAIMessages } from './to-openai-messages.js';

type StreamingParams = OpenAI.Chat.Completions.ChatCompletionCreateParamsStreaming;

/** A normalised request as Chat Completions streaming parameters (usage included). */
export function toOpenAIRequest(model: string, request: ChatRequestV1): StreamingParams {
  const { params, tools, toolChoice, responseFormat } = request;
  const body: StreamingParams = {
    model,
    messages: toOpenAIMessages(request.messages),
    stream: true,
    stream_options: { include_usage: true },
    ...(params.temperature !== undefined && { temperature: params.temperature }),
    ...(params.topP !== undefined && { top_p: params.topP }),
    ...(params.maxTokens !== undefined && { max_tokens: params.maxTokens }),
    ...(params.stop !== undefined && { stop: [...params.stop] }),
    ...(params.seed !== undefined && { seed: params.seed }),
    ...(params.presencePenalty !== undefined && { presence_penalty: params.presencePenalty }),
    ...(params.frequencyPenalty !== undefined && { frequency_penalty: params.frequencyPenalty }),
    ...(params.n !== undefined && { n: params.n }),
    ...(tools !== undefined && {
      tools: tools.map((tool) => ({
        type: 'function' as const,
        function: {
          name: tool.name,
          // Strict mode takes only schemas where every field is required (optional ones sent as nullable).
          parameters: tool.strict ? toStrictJsonSchema(tool.parameters) : { ...tool.parameters },
          ...(tool.description !== undefined && { description: tool.description }),
          ...(tool.strict !== undefined && { strict: tool.strict }),
        },
      })),
    }),
    ...(toolChoice !== undefined && { tool_choice: toOpenAIToolChoice(toolChoice) }),
    ...(responseFormat !== undefined && { response_format: toOpenAIResponseFormat(responseFormat) }),
  };
  // Provider extras last, so a caller can reach any field the SDK supports.
  return { ...body, ...request.providerOptions } as StreamingParams;
}

function toOpenAIToolChoice(choice: ToolChoiceV1): OpenAI.Chat.Completions.ChatCompletionToolChoiceOption {
  return typeof choice === 'string' ? choice : { type: 'function', function: { name: choice.name } };
}

function toOpenAIResponseFormat(format: ResponseFormatV1): NonNullable<StreamingParams['response_format']> {
  switch (format.type) {
    case 'text':
      return { type: 'text' };
    case 'json':
      return { type: 'json_object' };
    case 'json_schema': {
      const strict = format.strict ?? true;
      return { type: 'json_schema', json_schema: { name: format.name, schema: strict ? toStrictJsonSchema(format.schema) : { ...format.schema }, strict } };
    }
  }
}
