import { lambda } from '@rivulet/core';
import { RunnableLambda } from '@langchain/core/runnables';
import type { BenchCase } from '../bench-case.js';
import { measureRounds } from '../measure.js';

const inputCount = 10_000;

const increment = (x: number): number => x + 1;
const double = (x: number): number => x * 2;
const decrement = (x: number): number => x - 1;

/** ms per `batch` of 10,000 inputs through 3 lambdas; peer LangChain; floor: `Promise.all` of the awaited functions. */
export const batchLambdas: BenchCase = {
  id: 'batch-10k',
  async run(settings) {
    const inputs = Array.from({ length: inputCount }, (_, i) => i);
    const rivulet = lambda(increment).pipe(double).pipe(decrement);
    const langchain = RunnableLambda.from(increment).pipe(RunnableLambda.from(double)).pipe(RunnableLambda.from(decrement));
    const floorSteps = [increment, double, decrement].map((f) => async (x: number) => f(x));
    const check = (outputs: readonly number[]): void => {
      if (outputs.length !== inputCount || outputs[inputCount - 1] !== (inputCount - 1 + 1) * 2 - 1) throw new Error('wrong batch output');
    };
    const timings = await measureRounds(
      {
        rivulet: async () => check(await rivulet.batch(inputs)),
        langchain: async () => check(await langchain.batch(inputs)),
        floor: async () =>
          check(
            await Promise.all(
              inputs.map(async (x) => {
                for (const step of floorSteps) x = await step(x);
                return x;
              }),
            ),
          ),
      },
      settings,
    );
    return {
      id: this.id,
      unit: 'ms/batch',
      rivulet: timings.rivulet,
      peers: { LangChain: timings.langchain },
      floor: timings.floor,
      params: { inputs: inputCount, steps: 3 },
      notes: `${inputCount} inputs through 3 sync lambdas (x+1, x*2, x-1), default concurrency of each library; floor: Promise.all over the three functions awaited in turn.`,
    };
  },
};
