import type { RemoteRunnable } from '@rivulet/server';
import { describe, expectTypeOf, it } from 'vitest';
import { useRunnable, type PartialValue, type RemoteError, type RunStatus } from './index.js';
import type { planChain, wordsChain } from './test-support/chains.js';
import type { Plan, PlanRequest } from './test-support/plan.js';

describe('useRunnable types', () => {
  it('takes input and output types from the served runnable’s type', () => {
    const plan = useRunnable<typeof planChain>('/api/plan');
    expectTypeOf(plan.run).parameter(0).toEqualTypeOf<PlanRequest>();
    expectTypeOf(plan.value).toEqualTypeOf<PartialValue<Plan> | undefined>();
    expectTypeOf(plan.value?.days?.[0]?.notes).toEqualTypeOf<string[] | undefined>();
    expectTypeOf(plan.status).toEqualTypeOf<RunStatus>();
    expectTypeOf(plan.error).toEqualTypeOf<RemoteError | undefined>();
    // @ts-expect-error: the input is checked
    plan.run({ days: '3' });
  });

  it('takes input and output types written out, and text stays text', () => {
    const words = useRunnable<{ count: number }, string>('/api/words');
    expectTypeOf(words.run).parameter(0).toEqualTypeOf<{ count: number }>();
    expectTypeOf(words.value).toEqualTypeOf<string | undefined>();
    const served = useRunnable<typeof wordsChain>('/api/words');
    expectTypeOf(served.value).toEqualTypeOf<string | undefined>();
  });

  it('takes them from a RemoteRunnable too', () => {
    const remote = {} as RemoteRunnable<typeof planChain>;
    const plan = useRunnable(remote, { onFinish: (output) => expectTypeOf(output).toEqualTypeOf<Plan>() });
    expectTypeOf(plan.run).parameter(0).toEqualTypeOf<PlanRequest>();
    expectTypeOf(plan.value).toEqualTypeOf<PartialValue<Plan> | undefined>();
  });

  it('types the callbacks and the initial value by the output', () => {
    useRunnable<typeof planChain>('/api/plan', {
      initialValue: { title: 'Planning…' },
      onFinish: (output) => expectTypeOf(output).toEqualTypeOf<Plan>(),
      onError: (error) => expectTypeOf(error).toEqualTypeOf<RemoteError>(),
    });
    // @ts-expect-error: an initial value of the wrong shape
    useRunnable<typeof planChain>('/api/plan', { initialValue: { title: 3 } });
  });
});
