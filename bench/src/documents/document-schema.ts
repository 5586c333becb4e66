import { z } from 'zod';

/** The zod schema of {@link llmJsonDocument}'s output, as a structured-output request would give it. */
export const documentSchema = z.object({
  records: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      summary: z.string(),
      score: z.number(),
      confidence: z.number(),
      verified: z.boolean(),
      tags: z.array(z.string()),
      author: z
        .object({
          name: z.string(),
          email: z.string(),
          location: z.object({ city: z.string(), zip: z.string() }),
        })
        .nullable(),
      notes: z.string().nullable(),
    }),
  ),
  count: z.number(),
});
