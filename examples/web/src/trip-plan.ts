import { z } from 'zod';

/** What the model is asked to write: a day-by-day trip plan. */
export const TripPlan = z.object({
  destination: z.string(),
  summary: z.string(),
  days: z.array(
    z.object({
      day: z.number().int(),
      title: z.string(),
      activities: z.array(z.string()),
    }),
  ),
});

/** A finished trip plan. */
export type TripPlan = z.infer<typeof TripPlan>;

/** One day of a plan. */
export type TripDay = TripPlan['days'][number];

/** A plan while it streams: any field may still be missing, strings may be cut short. */
export interface PartialTripPlan {
  readonly destination?: string;
  readonly summary?: string;
  readonly days?: readonly Partial<TripDay>[];
}

/** What the page sends: the prompt's variables, validated by the handler. */
export const TripRequest = z.object({
  destination: z.string().trim().min(1).max(60),
  days: z.coerce.number().int().min(1).max(7).transform(String),
});

/** The chain's input, after validation. */
export type TripRequest = z.output<typeof TripRequest>;
