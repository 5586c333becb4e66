import { z } from 'zod';

/** The structured value the test chains write: a small day-by-day plan. */
export const Plan = z.object({
  title: z.string(),
  days: z.array(z.object({ day: z.number().int(), title: z.string(), notes: z.array(z.string()) })),
});

/** A finished plan. */
export type Plan = z.infer<typeof Plan>;

/** What a test asks the plan chain for: how many days, and how the "model" writes (piece size, pause per piece). */
export const PlanRequest = z.object({
  days: z.number().int().min(1).max(50),
  pieceSize: z.number().int().min(1).max(100_000).default(8),
  delayMs: z.number().int().min(0).max(1_000).default(0),
  failAfter: z.number().int().min(0).optional(),
});

/** The plan chain's input. */
export type PlanRequest = z.input<typeof PlanRequest>;

/** The plan the chain writes for `days` days. */
export function samplePlan(days: number): Plan {
  return {
    title: `${days} days by the river`,
    days: Array.from({ length: days }, (_, i) => ({
      day: i + 1,
      title: `Day ${i + 1} along the water`,
      notes: [`Morning walk ${i + 1}`, `Lunch at the market`, `Evening by the bridge ${i + 1}`],
    })),
  };
}
