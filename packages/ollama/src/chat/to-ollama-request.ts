import { InputError } from '@rivulet/core';
import type { ChatRequestV1, ResponseFormatV1, SamplingParamsV1, ToolDefinitionV1 } from '@rivulet/provider';
import type { ChatRequest, Options, Tool } from 'ollama/browser';
import { toOllamaMessages } from './to-ollama-messages.js';

/** Request fields set once per model rather than per call. */
export interface OllamaChatDefaults {
  /** How long the model stays loaded after the call (`'5m'`, seconds, `-1` for ever, `0` to unload). */
  readonly keepAlive?: string | number | undefined;
  /** Ask a thinking model to think (`true`, or an effort for models that take one); its thoughts stream as reasoning. */
  readonly think?: boolean | 'high' | 'medium' | 'low' | undefined;
}

/** A streaming `/api/chat` request body. */
export type OllamaStreamingChatRequest = ChatRequest & { stream: true };

/**
 * A normalised request as Ollama's `/api/chat` body. Ollama has no tool
 * choice: `none` sends no tools, a named tool sends only that tool (the
 * closest Ollama comes to forcing it), `required` sends them all. A JSON
 * Schema response format goes in `format`, which Ollama enforces by
 * constrained decoding. `providerOptions` are merged last (their `options`
 * into the sampling options).
 */
export function toOllamaRequest(model: string, request: ChatRequestV1, defaults: OllamaChatDefaults, provider: string): OllamaStreamingChatRequest {
  const { tools, toolChoice, responseFormat, providerOptions } = request;
  if ((request.params.n ?? 1) > 1) throw new InputError(`${provider}: Ollama generates one reply per request; n = ${request.params.n} cannot be honoured.`);
  const sent = toolChoice === 'none' ? [] : typeof toolChoice === 'object' ? (tools ?? []).filter((tool) => tool.name === toolChoice.name) : (tools ?? []);
  const format = responseFormat === undefined ? undefined : toFormat(responseFormat);
  const options = toOptions(request.params);
  const { options: extraOptions, ...extra } = (providerOptions ?? {}) as { options?: Partial<Options> };
  const merged = { ...options, ...extraOptions };
  return {
    model,
    messages: toOllamaMessages(request.messages, provider),
    stream: true,
    ...(sent.length > 0 && { tools: sent.map(toOllamaTool) }),
    ...(format !== undefined && { format }),
    ...(defaults.keepAlive !== undefined && { keep_alive: defaults.keepAlive }),
    ...(defaults.think !== undefined && { think: defaults.think }),
    ...(Object.keys(merged).length > 0 && { options: merged }),
    ...extra,
  };
}

function toOllamaTool(tool: ToolDefinitionV1): Tool {
  return {
    type: 'function',
    function: {
      name: tool.name,
      ...(tool.description !== undefined && { description: tool.description }),
      // The client types a narrower schema than Ollama accepts; the schema goes as it is.
      parameters: { ...tool.parameters } as NonNullable<Tool['function']['parameters']>,
    },
  };
}

function toFormat(format: ResponseFormatV1): string | object | undefined {
  switch (format.type) {
    case 'text':
      return undefined;
    case 'json':
      return 'json';
    case 'json_schema':
      return { ...format.schema };
  }
}

function toOptions(params: SamplingParamsV1): Partial<Options> {
  return {
    ...(params.temperature !== undefined && { temperature: params.temperature }),
    ...(params.topP !== undefined && { top_p: params.topP }),
    ...(params.maxTokens !== undefined && { num_predict: params.maxTokens }),
    ...(params.stop !== undefined && { stop: [...params.stop] }),
    ...(params.seed !== undefined && { seed: params.seed }),
    ...(params.presencePenalty !== undefined && { presence_penalty: params.presencePenalty }),
    ...(params.frequencyPenalty !== undefined && { frequency_penalty: params.frequencyPenalty }),
  };
}
