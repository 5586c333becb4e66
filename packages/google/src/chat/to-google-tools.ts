import { FunctionCallingConfigMode, type Tool, type ToolConfig } from '@google/genai';
import type { ToolChoiceV1, ToolDefinitionV1 } from '@rivulet/provider';

/**
 * Tools as one Gemini tool of function declarations, each schema sent as
 * JSON Schema (`parametersJsonSchema`), not Google's OpenAPI subset. Gemini
 * enforces the schema as given, so `strict` changes nothing.
 */
export function toGoogleTools(tools: readonly ToolDefinitionV1[]): Tool[] {
  return [
    {
      functionDeclarations: tools.map((tool) => ({
        name: tool.name,
        parametersJsonSchema: { ...tool.parameters },
        ...(tool.description !== undefined && { description: tool.description }),
      })),
    },
  ];
}

/** A tool choice as Gemini's `functionCallingConfig`: `required` is mode `ANY`, a named tool `ANY` over that one name. */
export function toGoogleToolConfig(choice: ToolChoiceV1): ToolConfig {
  switch (choice) {
    case 'auto':
      return { functionCallingConfig: { mode: FunctionCallingConfigMode.AUTO } };
    case 'none':
      return { functionCallingConfig: { mode: FunctionCallingConfigMode.NONE } };
    case 'required':
      return { functionCallingConfig: { mode: FunctionCallingConfigMode.ANY } };
    default:
      return { functionCallingConfig: { mode: FunctionCallingConfigMode.ANY, allowedFunctionNames: [choice.name] } };
  }
}
