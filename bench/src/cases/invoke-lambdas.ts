import { lambda, type Runnable } from '@rivulet/core';
import { RunnableLambda, type Runnable as LangChainRunnable } from '@langchain/core/runnables';
import type { BenchCase } from '../bench-case.js';
import { measureRounds } from '../measure.js';
import { scaleTiming } from '../stats/summarize.js';

const steps = 10;
const callsPerSample = 2_000;

/** µs per `invoke` of a chain of 10 identity steps; peer LangChain; floor: 10 plain awaited functions. */
export const invokeLambdas: BenchCase = {
  id: 'invoke-10-lambdas',
  async run(settings) {
    let chain: Runnable<number, number> = lambda((x: number) => x);
    for (let i = 1; i < steps; i++) chain = chain.pipe((x: number) => x);
    let langchain: LangChainRunnable<number, number> = RunnableLambda.from((x: number) => x);
    for (let i = 1; i < steps; i++) langchain = langchain.pipe(RunnableLambda.from((x: number) => x));
    const identity = async (x: number): Promise<number> => x;
    const calls = (invoke: (x: number) => Promise<number>) => async () => {
      for (let i = 0; i < callsPerSample; i++) if ((await invoke(i)) !== i) throw new Error('wrong output');
    };
    const timings = await measureRounds(
      {
        rivulet: calls((x) => chain.invoke(x)),
        langchain: calls((x) => langchain.invoke(x)),
        floor: calls(async (x) => {
          for (let s = 0; s < steps; s++) x = await identity(x);
          return x;
        }),
      },
      settings,
    );
    const perCall = 1000 / callsPerSample;
    return {
      id: this.id,
      unit: 'µs/invoke',
      rivulet: scaleTiming(timings.rivulet, perCall),
      peers: { LangChain: scaleTiming(timings.langchain, perCall) },
      floor: scaleTiming(timings.floor, perCall),
      params: { steps, callsPerSample },
      notes: `${callsPerSample} sequential invokes per sample of a chain of ${steps} identity steps (Rivulet: lambda().pipe(fn) ×${steps}; LangChain: RunnableLambda.from(fn).pipe(...) ×${steps}, a RunnableSequence); floor: ${steps} awaited async identity functions.`,
    };
  },
};
