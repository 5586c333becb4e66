import { Observable } from 'rxjs';
import { createAgent, type Agent } from '@rivulet/agents';
import { ChatModel, tool } from '@rivulet/models';
import type { ChatModelProviderV1, ChatStreamPartV1 } from '@rivulet/provider';
import { add, multiply, operandsSchema, turnAfter, type ScriptedTurn } from './agent-loop-script.js';

const usage = { inputTokens: 10, outputTokens: 5, totalTokens: 15 };

/** A turn as the provider contract's parts. */
function partsOf(turn: ScriptedTurn): ChatStreamPartV1[] {
  const calls = (turn.toolCalls ?? []).flatMap((call): ChatStreamPartV1[] => [
    { type: 'tool-input-start', id: call.id, name: call.name },
    { type: 'tool-input-delta', id: call.id, delta: JSON.stringify(call.args) },
    { type: 'tool-input-end', id: call.id },
  ]);
  const text = (turn.text ?? []).map((delta): ChatStreamPartV1 => ({ type: 'text-delta', text: delta }));
  return [...text, ...calls, { type: 'usage', usage }, { type: 'finish', reason: calls.length > 0 ? 'tool_calls' : 'stop' }];
}

/** An in-process provider playing the script synchronously: the turn is the number of replies already in the conversation. */
function scriptedProvider(): ChatModelProviderV1 {
  const parts = new Map<ScriptedTurn, ChatStreamPartV1[]>();
  return {
    specificationVersion: 'v1',
    provider: 'bench',
    modelId: 'scripted-agent',
    doStream: (request) =>
      new Observable<ChatStreamPartV1>((subscriber) => {
        const turn = turnAfter(request.messages.filter((message) => message.role === 'ai').length);
        let list = parts.get(turn);
        if (list === undefined) parts.set(turn, (list = partsOf(turn)));
        for (const part of list) {
          if (subscriber.closed) return;
          subscriber.next(part);
        }
        subscriber.complete();
      }),
  };
}

/** Rivulet's agent over the scripted provider, with the bench's two tools. */
export function rivuletAgent(): Agent {
  return createAgent({
    model: new ChatModel(scriptedProvider()),
    tools: [
      tool({ name: 'add', description: 'Adds two numbers.', schema: operandsSchema, execute: add }),
      tool({ name: 'multiply', description: 'Multiplies two numbers.', schema: operandsSchema, execute: multiply }),
    ],
  });
}
