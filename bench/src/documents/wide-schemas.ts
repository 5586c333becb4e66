import { z } from 'zod';

/** The zod schema of {@link wideNumbersDocument}'s output. */
export const wideNumbersSchema = z.array(z.number());

/** The zod schema of {@link wideObjectsDocument}'s output. */
export const wideObjectsSchema = z.object({
  items: z.array(z.object({ id: z.number(), name: z.string(), tags: z.array(z.string()) })),
});
