import { AIMessage } from '@langchain/core/messages';
import { fakeModel } from '@langchain/core/testing';
import { createAgent, tool } from 'langchain';
import { add, agentTurns, multiply, operandsSchema, question } from './agent-loop-script.js';

/**
 * One LangChain run of the loop: `createAgent` (LangGraph's ReAct agent) over
 * `fakeModel()` from `@langchain/core/testing`, a tool-calling fake whose
 * queued replies are consumed one per model call; each run queues the
 * script's three. Resolves to the final text.
 */
export function langchainAgentRun(): () => Promise<string> {
  const model = fakeModel();
  const agent = createAgent({
    model,
    tools: [
      tool(add, { name: 'add', description: 'Adds two numbers.', schema: operandsSchema }),
      tool(multiply, { name: 'multiply', description: 'Multiplies two numbers.', schema: operandsSchema }),
    ],
  });
  return async () => {
    for (const turn of agentTurns) {
      if (turn.toolCalls) model.respondWithTools(turn.toolCalls.map((call) => ({ id: call.id, name: call.name, args: { ...call.args } })));
      else model.respond(new AIMessage((turn.text ?? []).join('')));
    }
    const state = await agent.invoke({ messages: [{ role: 'user', content: question }] });
    const messages = state.messages;
    const steps = messages.filter((message) => AIMessage.isInstance(message)).length;
    if (steps !== 3) throw new Error(`LangChain: expected 3 model calls, got ${steps}`);
    return String(messages.at(-1)?.content ?? '');
  };
}
