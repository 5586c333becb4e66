export { createAgent } from './create-agent.js';
export { Agent, type AgentInput } from './agent.js';
export type { AgentOptions } from './agent-options.js';
export type {
  AgentPart,
  AgentStepStartPart,
  AgentTextDeltaPart,
  AgentReasoningDeltaPart,
  AgentToolCallDeltaPart,
  AgentToolCallPart,
  AgentToolResultPart,
  AgentStepFinishPart,
  AgentPartialOutputPart,
  AgentOutputPart,
  AgentFinishPart,
} from './agent-parts.js';
export type { AgentResult, AgentRunResult } from './agent-result.js';
export type { AgentStep, AgentToolResult } from './agent-step.js';
export type { PartialOutput } from './partial-output.js';
export type { ApprovalDecision, ApproveToolCall } from './approval.js';
export { stepCountIs, hasToolCall, type StopCondition } from './stop-conditions.js';
export { agentAggregation } from './agent-aggregation.js';
export { OUTPUT_TOOL_NAME } from './output-tool.js';
