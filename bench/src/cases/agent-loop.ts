import type { BenchCase } from '../bench-case.js';
import { measureRounds } from '../measure.js';
import { scaleTiming } from '../stats/summarize.js';
import { aiSdkAgentRun } from './agent-loop-ai-sdk.js';
import { langchainAgentRun } from './agent-loop-langchain.js';
import { rivuletAgent } from './agent-loop-rivulet.js';
import { add, agentTurns, expectedAnswer, multiply, question, turnAfter } from './agent-loop-script.js';

const steps = agentTurns.length;

/**
 * µs per step of a 3-step tool loop (two tool steps, then the answer) with a
 * scripted in-process model: no network, trivial synchronous tools, so all
 * the time is the library's own overhead.
 */
export const agentLoop: BenchCase = {
  id: 'agent-loop',
  async run(settings) {
    const runsPerSample = settings.quick ? 20 : 100;
    const agent = rivuletAgent();
    const aiSdk = aiSdkAgentRun();
    const langchain = langchainAgentRun();
    const check = (text: string): void => {
      if (text !== expectedAnswer) throw new Error(`expected "${expectedAnswer}", got "${text}"`);
    };
    const runs = (run: () => Promise<string>) => async () => {
      for (let i = 0; i < runsPerSample; i++) check(await run());
    };
    const timings = await measureRounds(
      {
        rivulet: runs(async () => {
          let text = '';
          for await (const part of agent.stream(question)) if (part.type === 'text-delta') text += part.text;
          return text;
        }),
        'rivulet (invoke)': runs(async () => (await agent.invoke(question)).text),
        aiSdk: runs(aiSdk),
        langchain: runs(langchain),
        floor: runs(plainLoop),
      },
      settings,
    );
    const perStep = 1000 / (runsPerSample * steps);
    return {
      id: this.id,
      unit: 'µs/step',
      rivulet: scaleTiming(timings.rivulet, perStep),
      variants: { 'rivulet (invoke)': scaleTiming(timings['rivulet (invoke)'], perStep) },
      peers: { 'AI SDK streamText': scaleTiming(timings.aiSdk, perStep), 'LangChain createAgent': scaleTiming(timings.langchain, perStep) },
      floor: scaleTiming(timings.floor, perStep),
      params: { steps, runsPerSample },
      notes:
        `${runsPerSample} runs per sample of a ${steps}-step loop (two steps that each call one tool, then a 4-delta answer), the same script and two trivial synchronous tools ` +
        `(add, multiply; zod-validated arguments) in every library. Rivulet: createAgent over a ChatModel whose in-process provider plays the script synchronously, ` +
        `for await over stream() reading every part (variant: invoke). AI SDK: streamText({ stopWhen: stepCountIs(3) }) over MockLanguageModelV4 ` +
        `(simulateReadableStream, null delays), for await over fullStream. LangChain: createAgent (langchain 1.5, on LangGraph) over fakeModel() from @langchain/core/testing, invoke. ` +
        `Floor: the loop written by hand (replies read from the script, tools called, messages pushed).`,
    };
  },
};

/** The same loop without a library: what the work itself costs. */
async function plainLoop(): Promise<string> {
  const messages: { role: string; content: string }[] = [{ role: 'user', content: question }];
  for (let step = 0; step < steps; step++) {
    const turn = await Promise.resolve(turnAfter(messages.filter((m) => m.role === 'assistant').length));
    messages.push({ role: 'assistant', content: (turn.text ?? []).join('') });
    if (turn.toolCalls === undefined) break;
    for (const call of turn.toolCalls) messages.push({ role: 'tool', content: String((call.name === 'add' ? add : multiply)(call.args)) });
  }
  return messages.at(-1)?.content ?? '';
}
