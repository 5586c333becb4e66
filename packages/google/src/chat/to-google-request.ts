import type { GenerateContentConfig, GenerateContentParameters, ToolListUnion } from '@google/genai';
import type { ChatRequestV1, ResponseFormatV1, SamplingParamsV1 } from '@rivulet/provider';
import { toGoogleContents } from './to-google-contents.js';
import { toGoogleToolConfig, toGoogleTools } from './to-google-tools.js';

/**
 * A normalised request as `generateContentStream` parameters. Provider
 * options are `GenerateContentConfig` fields (`thinkingConfig`,
 * `safetySettings`, `topK`, `cachedContent`, ...) and win over the mapped
 * ones, except `tools`, which are added to the function declarations (so
 * `{ tools: [{ googleSearch: {} }] }` grounds a model that also has tools).
 */
export function toGoogleRequest(model: string, request: ChatRequestV1, provider: string): GenerateContentParameters {
  const { systemInstruction, contents } = toGoogleContents(request.messages, provider);
  const { tools: extraTools, ...extras } = (request.providerOptions ?? {}) as GenerateContentConfig;
  const tools: ToolListUnion = [...(request.tools !== undefined && request.tools.length > 0 ? toGoogleTools(request.tools) : []), ...(extraTools ?? [])];
  const config: GenerateContentConfig = {
    ...(systemInstruction !== undefined && { systemInstruction }),
    ...toGoogleSampling(request.params),
    ...(tools.length > 0 && { tools }),
    ...(request.toolChoice !== undefined && { toolConfig: toGoogleToolConfig(request.toolChoice) }),
    ...(request.responseFormat !== undefined && toGoogleResponseFormat(request.responseFormat)),
    ...extras,
  };
  return { model, contents, config };
}

function toGoogleSampling(params: SamplingParamsV1): GenerateContentConfig {
  return {
    ...(params.temperature !== undefined && { temperature: params.temperature }),
    ...(params.topP !== undefined && { topP: params.topP }),
    ...(params.maxTokens !== undefined && { maxOutputTokens: params.maxTokens }),
    ...(params.stop !== undefined && { stopSequences: [...params.stop] }),
    ...(params.seed !== undefined && { seed: params.seed }),
    ...(params.presencePenalty !== undefined && { presencePenalty: params.presencePenalty }),
    ...(params.frequencyPenalty !== undefined && { frequencyPenalty: params.frequencyPenalty }),
    ...(params.n !== undefined && { candidateCount: params.n }),
  };
}

/** JSON output is `responseMimeType: application/json`; a schema goes as JSON Schema (`responseJsonSchema`). */
function toGoogleResponseFormat(format: ResponseFormatV1): GenerateContentConfig {
  switch (format.type) {
    case 'text':
      return {};
    case 'json':
      return { responseMimeType: 'application/json' };
    case 'json_schema':
      return { responseMimeType: 'application/json', responseJsonSchema: { ...format.schema } };
  }
}
