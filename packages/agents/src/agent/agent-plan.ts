import { InputError, SystemMessage } from '@rivulet/core';
import { toToolDefinition, type ChatModel } from '@rivulet/models';
import type { AgentOptions } from './agent-options.js';
import type { ApproveToolCall } from './approval.js';
import { checkToolName, OUTPUT_TOOL_NAME, outputTool, type OutputTool } from './output-tool.js';
import type { RunnableTool } from './run-tool-call.js';
import type { StopCondition } from './stop-conditions.js';
import { toolRunnable } from './tool-runnable.js';

/** An agent's options, checked and prepared once, when the agent is made. */
export interface AgentPlan {
  /** The model with the tools (and the answer tool) bound. */
  readonly model: ChatModel;
  readonly tools: ReadonlyMap<string, RunnableTool>;
  readonly output: OutputTool | undefined;
  readonly approve: ApproveToolCall | undefined;
  readonly maxSteps: number;
  readonly stopWhen: readonly StopCondition[];
  readonly instructions: SystemMessage | undefined;
}

/** Checks `options` (`InputError` for what cannot work) and prepares them. */
export function agentPlan(options: AgentOptions): AgentPlan {
  const maxSteps = options.maxSteps ?? 10;
  if (!Number.isInteger(maxSteps) || maxSteps < 1) throw new InputError(`maxSteps must be a whole number of at least 1, got ${maxSteps}.`);
  const tools = new Map<string, RunnableTool>();
  for (const tool of options.tools) {
    checkToolName(tool.name, new Set(tools.keys()));
    if (tool.execute === undefined) throw new InputError(`The tool "${tool.name}" has no execute function, so an agent cannot run it.`);
    tools.set(tool.name, { tool, runnable: toolRunnable(tool.name, tool.execute) });
  }
  const output = options.output === undefined ? undefined : outputTool(options.output);
  if (output !== undefined && tools.has(OUTPUT_TOOL_NAME)) {
    throw new InputError(`A tool is named "${OUTPUT_TOOL_NAME}", the name an agent with \`output\` gives its answer through: rename it.`);
  }
  // With `output`, every reply must call a tool: the answer is a tool call too. Tools are bound
  // as their JSON Schema definitions, converted once here rather than for every request.
  const bindable = (output === undefined ? options.tools : [...options.tools, output.tool]).map(toToolDefinition);
  const model = bindable.length === 0 ? options.model : options.model.bindTools(bindable, output === undefined ? {} : { toolChoice: 'required' });
  const stopWhen = options.stopWhen;
  return {
    model,
    tools,
    output,
    approve: options.approve,
    maxSteps,
    stopWhen: stopWhen === undefined ? [] : typeof stopWhen === 'function' ? [stopWhen] : stopWhen,
    instructions: options.instructions === undefined ? undefined : new SystemMessage(options.instructions),
  };
}
