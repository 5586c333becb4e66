import type { Attributes } from '@opentelemetry/api';
import { isAIMessageChunk, type AIMessage } from '@rivulet/core';
import { genAIFinishReason } from './gen-ai-messages.js';
import type { ModelCall } from './model-call.js';
import { genAIProviderName } from './provider-name.js';

// Sampling parameters (as `ChatModel` options name them) and their attribute.
const paramAttributes: Readonly<Record<string, string>> = {
  temperature: 'gen_ai.request.temperature',
  topP: 'gen_ai.request.top_p',
  topK: 'gen_ai.request.top_k',
  maxTokens: 'gen_ai.request.max_tokens',
  stop: 'gen_ai.request.stop_sequences',
  seed: 'gen_ai.request.seed',
  presencePenalty: 'gen_ai.request.presence_penalty',
  frequencyPenalty: 'gen_ai.request.frequency_penalty',
};

/** The GenAI operation of a model call; `chat` unless it says otherwise. */
export function operationOf(call: ModelCall): string {
  return call.operation ?? 'chat';
}

/** What is known of a model call before its reply: operation, provider, model, sampling parameters. */
export function requestAttributes(call: ModelCall): Attributes {
  const provider = genAIProviderName(call.provider);
  const attributes: Attributes = {
    'gen_ai.operation.name': operationOf(call),
    'gen_ai.provider.name': provider,
    // The name conventions before 1.37 used, which many backends still read.
    'gen_ai.system': provider,
    'gen_ai.request.model': call.model,
  };
  for (const [param, value] of Object.entries(call.params ?? {})) {
    const key = paramAttributes[param];
    if (key !== undefined && (typeof value === 'number' || isStringList(value))) attributes[key] = value;
  }
  const n = call.params?.['n'];
  if (typeof n === 'number' && n !== 1) attributes['gen_ai.request.choice.count'] = n;
  return attributes;
}

/** What the reply tells: response model and id, token usage, finish reason. Nothing for an output that is not a reply. */
export function responseAttributes(output: unknown): Attributes {
  if (!isAIMessageChunk(output)) return {};
  const reply: AIMessage = output;
  const { model, id } = reply.responseMetadata;
  const usage = reply.usage;
  return {
    ...(typeof model === 'string' && { 'gen_ai.response.model': model }),
    ...(typeof id === 'string' && { 'gen_ai.response.id': id }),
    ...(usage && { 'gen_ai.usage.input_tokens': usage.inputTokens, 'gen_ai.usage.output_tokens': usage.outputTokens }),
    ...(usage?.cachedInputTokens !== undefined && { 'gen_ai.usage.cache_read.input_tokens': usage.cachedInputTokens }),
    ...(reply.finishReason !== undefined && { 'gen_ai.response.finish_reasons': [genAIFinishReason(reply.finishReason)] }),
  };
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
