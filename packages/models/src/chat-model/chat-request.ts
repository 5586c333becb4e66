import type { Message } from '@rivulet/core';
import type { ChatRequestV1 } from '@rivulet/provider';
import { samplingParams, type ChatModelOptions } from './chat-model-options.js';
import { toToolDefinition } from './tool.js';

/** The request a chat model with `options` sends for `messages`, without its signal. */
export function chatRequest(options: ChatModelOptions, messages: readonly Message[]): Omit<ChatRequestV1, 'signal'> {
  const { tools, toolChoice, responseFormat, providerOptions } = options;
  return {
    messages,
    params: samplingParams(options),
    ...(tools !== undefined && tools.length > 0 && { tools: tools.map(toToolDefinition) }),
    ...(toolChoice !== undefined && { toolChoice }),
    ...(responseFormat !== undefined && { responseFormat }),
    ...(providerOptions !== undefined && { providerOptions }),
  };
}
