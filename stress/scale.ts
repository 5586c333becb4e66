/**
 * `RIVULET_STRESS_SCALE` (default 1) multiplies every run count of the stress
 * suite: 0.05 for a quick local check, 1 for the figures docs/reliability.md
 * states, which CI runs.
 */
export const stressScale = Math.max(0, Number(process.env.RIVULET_STRESS_SCALE ?? '1') || 1);

/** `n` runs at the current scale, at least `min`. */
export function scaled(n: number, min = 1): number {
  return Math.max(min, Math.round(n * stressScale));
}
