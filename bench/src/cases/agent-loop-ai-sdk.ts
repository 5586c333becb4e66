import { simulateReadableStream, stepCountIs, streamText, tool } from 'ai';
import { MockLanguageModelV4 } from 'ai/test';
import { add, multiply, operandsSchema, question, turnAfter, type ScriptedTurn } from './agent-loop-script.js';

/** A stream part of the V4 model contract. */
type StreamPart = Awaited<ReturnType<MockLanguageModelV4['doStream']>>['stream'] extends ReadableStream<infer P> ? P : never;

const usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 5, text: 5, reasoning: undefined },
};

/** A turn as the V4 contract's parts, the way a provider streams it. */
function partsOf(turn: ScriptedTurn): StreamPart[] {
  const text: StreamPart[] =
    turn.text === undefined
      ? []
      : [{ type: 'text-start', id: 'text' }, ...turn.text.map((delta): StreamPart => ({ type: 'text-delta', id: 'text', delta })), { type: 'text-end', id: 'text' }];
  const calls = (turn.toolCalls ?? []).flatMap((call): StreamPart[] => [
    { type: 'tool-input-start', id: call.id, toolName: call.name },
    { type: 'tool-input-delta', id: call.id, delta: JSON.stringify(call.args) },
    { type: 'tool-input-end', id: call.id },
    { type: 'tool-call', toolCallId: call.id, toolName: call.name, input: JSON.stringify(call.args) },
  ]);
  const finishReason = calls.length > 0 ? { unified: 'tool-calls' as const, raw: 'tool_calls' } : { unified: 'stop' as const, raw: 'stop' };
  return [{ type: 'stream-start', warnings: [] }, ...text, ...calls, { type: 'finish', finishReason, usage }];
}

/**
 * The AI SDK's `MockLanguageModelV4` playing the script (null delays: no
 * timer per chunk), the turn read from the prompt's assistant messages.
 */
function scriptedModel(): MockLanguageModelV4 {
  return new MockLanguageModelV4({
    doStream: async (options) => ({
      stream: simulateReadableStream<StreamPart>({
        chunks: partsOf(turnAfter(options.prompt.filter((message) => message.role === 'assistant').length)),
        initialDelayInMs: null,
        chunkDelayInMs: null,
      }),
    }),
  });
}

const tools = {
  add: tool({ description: 'Adds two numbers.', inputSchema: operandsSchema, execute: add }),
  multiply: tool({ description: 'Multiplies two numbers.', inputSchema: operandsSchema, execute: multiply }),
};

/** One AI SDK run of the loop (`streamText`, `stopWhen: stepCountIs(3)`), every part read; resolves to the final text. */
export function aiSdkAgentRun(): () => Promise<string> {
  const model = scriptedModel();
  return async () => {
    const result = streamText({ model, tools, prompt: question, stopWhen: stepCountIs(3) });
    let text = '';
    let steps = 0;
    for await (const part of result.fullStream) {
      if (part.type === 'text-delta') text += part.text;
      else if (part.type === 'finish-step') steps++;
    }
    if (steps !== 3) throw new Error(`AI SDK: expected 3 steps, got ${steps}`);
    return text;
  };
}
