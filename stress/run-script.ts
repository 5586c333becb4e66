import type { OpenAIRecordedRequest } from '@rivulet/openai/testing';
import { z } from 'zod';

/** What every stress run asks for: its id, which its whole expected output derives from. */
export interface PlanInput {
  readonly id: string;
  readonly seed: string;
}

/** The structured output of a stress run: unique per run, so a mixed-up run cannot pass. */
export interface Plan {
  readonly run: number;
  readonly seed: string;
  readonly words: string[];
  readonly note: string;
}

/** The schema the server's parser validates a plan with. */
export const planSchema = z.object({ run: z.number(), seed: z.string(), words: z.array(z.string()), note: z.string() });

/** The schema the server validates inputs with. */
export const planInputSchema = z.object({ id: z.string().regex(/^\d+$/), seed: z.string() });

/** The prompt of the stress chain; the mock model reads the run id back out of it. */
export const planPrompt = 'Stress run {id}: write the plan for seed {seed}.';

// Escapes, quotes, multi-byte and astral characters, so every run exercises the decoders.
const vocabulary = ['river', 'délta', '"quoted"', 'back\\slash', 'line\nbreak', 'tab\there', '🌊 wave', '{brace}', 'ü', 'estuary'];

/** The seed of run `id`. */
export function seedOf(id: number): string {
  return `s${(id * 7919) % 10007}`;
}

/** The input of run `id`. */
export function inputFor(id: number): PlanInput {
  return { id: String(id), seed: seedOf(id) };
}

/** The exact output run `id` must produce. */
export function planFor(id: number): Plan {
  const words = Array.from({ length: (id % 7) + 1 }, (_, i) => `${vocabulary[(id + i) % vocabulary.length]}-${id}-${i}`);
  return { run: id, seed: seedOf(id), words, note: `run ${id} `.repeat((id % 5) + 1).trim() };
}

/** The text the mock model answers run `id` with. */
export function replyFor(id: number): string {
  return JSON.stringify(planFor(id));
}

/** The run id a request to the mock model belongs to, read from its last user message. */
export function runIdOf(request: OpenAIRecordedRequest): number {
  const messages = request.body?.messages ?? [];
  const last = messages.findLast((message) => message.role === 'user');
  const content = typeof last?.content === 'string' ? last.content : '';
  const match = /Stress run (\d+):/.exec(content);
  if (match?.[1] === undefined) throw new Error(`No run id in ${JSON.stringify(content)}`);
  return Number(match[1]);
}
