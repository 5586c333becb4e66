import { describe, expect, it } from 'vitest';
import { collect, fakeRunnable } from '@rivulet/core/testing';

describe('fakeRunnable', () => {
  it('plays long scripts without growing the stack', async () => {
    const chunks = Array.from({ length: 200_000 }, (_, i) => `${i % 10}`);
    expect(await collect(fakeRunnable(chunks).stream('x'))).toHaveLength(200_000);
  });

  it('records inputs and cancellations', async () => {
    const fake = fakeRunnable(['a', 'b'], { delayMs: 5 });
    const subscription = fake.stream('in').subscribe();
    subscription.unsubscribe();
    expect(fake.inputs).toEqual(['in']);
    expect(fake.cancelled).toBe(1);
    expect(fake.active).toBe(0);
  });
});
