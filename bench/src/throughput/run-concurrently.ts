/**
 * Runs `run` `runs` times with `concurrency` runs in flight until the last
 * ones: each of `concurrency` workers starts its next run as soon as its last
 * one ended, so the servers see a steady load, not one burst and a tail.
 */
export async function runConcurrently(runs: number, concurrency: number, run: () => Promise<void>): Promise<void> {
  let started = 0;
  const worker = async (): Promise<void> => {
    while (started < runs) {
      started++;
      await run();
    }
  };
  await Promise.all(Array.from({ length: Math.min(runs, concurrency) }, worker));
}
