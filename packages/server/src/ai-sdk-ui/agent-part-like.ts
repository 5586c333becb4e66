/**
 * The parts an agent of `@rivulet/agents` streams, typed structurally (the
 * server does not depend on the agents package): the chat route carries
 * each of them into the UI message stream.
 */
export type AgentPartLike =
  | { readonly type: 'step-start'; readonly step: number }
  | { readonly type: 'text-delta'; readonly step: number; readonly text: string }
  | { readonly type: 'reasoning-delta'; readonly step: number; readonly text: string }
  | { readonly type: 'tool-call-delta'; readonly step: number; readonly toolCallId: string; readonly toolName: string; readonly argsTextDelta: string }
  | { readonly type: 'tool-call'; readonly step: number; readonly toolCallId: string; readonly toolName: string; readonly args: unknown }
  | { readonly type: 'tool-result'; readonly step: number; readonly toolCallId: string; readonly toolName: string; readonly output: unknown; readonly isError: boolean }
  | { readonly type: 'step-finish'; readonly step: number }
  | { readonly type: 'finish'; readonly finishReason: string; readonly steps: number }
  | { readonly type: 'partial-output' | 'output'; readonly step: number };

const agentPartTypes = new Set(['step-start', 'text-delta', 'reasoning-delta', 'tool-call-delta', 'tool-call', 'tool-result', 'step-finish', 'finish', 'partial-output', 'output']);

/** True for a chunk shaped like an agent's part (a known `type`, and the `step` or `steps` every agent part carries). */
export function isAgentPartLike(chunk: unknown): chunk is AgentPartLike {
  if (typeof chunk !== 'object' || chunk === null) return false;
  const { type, step, steps } = chunk as { type?: unknown; step?: unknown; steps?: unknown };
  return typeof type === 'string' && agentPartTypes.has(type) && (typeof step === 'number' || typeof steps === 'number');
}
