import type { MockScript } from '@rivulet/openai/testing';
import type { FaultCase } from './fault-cases.js';
import { runIdOf } from './run-script.js';

/** A mock model script playing a fault case per run, and when each run's requests arrived. */
export interface FaultScript {
  readonly script: MockScript;
  /** Arrival times (ms, `performance.now()`) of each run's requests, by run id. */
  readonly arrivals: ReadonlyMap<number, readonly number[]>;
}

/** Answers attempt `i` of run `id` with reply `i` of `caseOf(id)` (the last one repeating). */
export function faultScript(caseOf: (id: number) => FaultCase, secret: string): FaultScript {
  const arrivals = new Map<number, number[]>();
  const script: MockScript = (request) => {
    const id = runIdOf(request);
    const times = arrivals.get(id) ?? [];
    times.push(performance.now());
    arrivals.set(id, times);
    const replies = caseOf(id).replies(id, secret);
    const reply = replies[Math.min(times.length, replies.length) - 1];
    if (reply === undefined) throw new Error(`fault case ${caseOf(id).name} has no reply`);
    return reply;
  };
  return { script, arrivals };
}
