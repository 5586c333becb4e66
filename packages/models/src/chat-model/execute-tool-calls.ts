import { ToolMessage, type AIMessage, type RunContext } from '@rivulet/core';
import type { Tool } from './tool.js';

/**
 * Runs the tool calls of a reply and answers each with a `ToolMessage`, in
 * call order, ready to send back to the model. Arguments are validated with
 * the tool's schema first. A failure (unknown tool, invalid arguments, a throw
 * in `execute`) becomes a `ToolMessage` with `isError`, so the model can
 * react; nothing is lost and nothing throws.
 */
export async function executeToolCalls(message: AIMessage, tools: readonly Tool[], ctx?: RunContext): Promise<ToolMessage[]> {
  const byName = new Map(tools.map((t) => [t.name, t]));
  const answers = message.toolCalls.map(async (call) => {
    const found = byName.get(call.name);
    if (!found?.execute) return failure(call.id, call.name, `No tool named "${call.name}" can be run.`);
    const parsed = found.schema.safeParse(call.args);
    if (!parsed.success) return failure(call.id, call.name, `Invalid arguments for "${call.name}": ${parsed.error.message}`);
    try {
      const result = await found.execute(parsed.data, ctx);
      return new ToolMessage({ content: typeof result === 'string' ? result : JSON.stringify(result), toolCallId: call.id, name: call.name });
    } catch (error) {
      return failure(call.id, call.name, `"${call.name}" failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  const invalid = message.invalidToolCalls.map((call) =>
    failure(call.id ?? '', call.name ?? 'unknown', `The call's arguments are not valid JSON: ${call.error}`),
  );
  return [...(await Promise.all(answers)), ...invalid];
}

function failure(toolCallId: string, name: string, content: string): ToolMessage {
  return new ToolMessage({ content, toolCallId, name, isError: true });
}
