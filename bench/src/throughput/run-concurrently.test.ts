import { expect, test } from 'vitest';
import { runConcurrently } from './run-concurrently.js';

test('runs exactly `runs` times, never more than `concurrency` at once, and reaches that many', async () => {
  let running = 0;
  let most = 0;
  let runs = 0;
  await runConcurrently(7, 3, async () => {
    runs++;
    most = Math.max(most, ++running);
    await new Promise<void>((resolve) => setImmediate(resolve));
    running--;
  });
  expect(runs).toBe(7);
  expect(most).toBe(3);
});
