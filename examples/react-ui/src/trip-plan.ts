import { z } from 'zod';

/** The model's answer: a trip, day by day. */
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

/** What the page sends, checked by the handler before the chain runs; `days` becomes the prompt's text. */
export const TripRequest = z.object({
  destination: z.string().trim().min(1).max(60),
  days: z.coerce.number().int().min(1).max(7).transform(String),
});
