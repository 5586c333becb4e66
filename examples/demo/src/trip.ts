import { z } from 'zod';

/** What the demo asks the model for: a small trip plan. */
export const tripPlan = z.object({
  city: z.string(),
  summary: z.string(),
  days: z.array(
    z.object({
      day: z.number().int(),
      title: z.string(),
      activities: z.array(z.string()),
    }),
  ),
});

export type TripPlan = z.output<typeof tripPlan>;

/** The answer the embedded mock server streams when no API key is set. */
export const scriptedPlan: TripPlan = {
  city: 'Lisbon',
  summary: 'Three unhurried days of hills, tiles and river light.',
  days: [
    { day: 1, title: 'Alfama and the castle', activities: ['Tram 28 at dawn', 'São Jorge castle', 'Fado dinner in Alfama'] },
    { day: 2, title: 'Belém by the river', activities: ['Jerónimos monastery', 'Pastéis de Belém', 'Sunset at the MAAT'] },
    { day: 3, title: 'Sintra day trip', activities: ['Pena palace', 'Quinta da Regaleira', 'Cabo da Roca cliffs'] },
  ],
};
