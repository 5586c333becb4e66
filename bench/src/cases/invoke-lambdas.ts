import { lambda, type Runnable } from '@rivulet/core';
import type { BenchCase } from '../bench-case.js';
import { measure, scaleTiming } from '../measure.js';

const steps = 10;
const callsPerSample = 1_000;

/** µs per `invoke` of a chain of 10 identity steps; floor: 10 plain awaited functions. */
export const invokeLambdas: BenchCase = {
  id: 'invoke-10-lambdas',
  async run(options) {
    let chain: Runnable<number, number> = lambda((x: number) => x);
    for (let i = 1; i < steps; i++) chain = chain.pipe((x: number) => x);
    const identity = async (x: number): Promise<number> => x;
    const rivulet = await measure(async () => {
      for (let i = 0; i < callsPerSample; i++) await chain.invoke(i);
    }, options);
    const floor = await measure(async () => {
      for (let i = 0; i < callsPerSample; i++) {
        let x = i;
        for (let s = 0; s < steps; s++) x = await identity(x);
      }
    }, options);
    const perCall = 1000 / callsPerSample;
    return { id: this.id, unit: 'µs/invoke', rivulet: scaleTiming(rivulet, perCall), peers: {}, floor: scaleTiming(floor, perCall) };
  },
};
