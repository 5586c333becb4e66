import type { ChunkOf } from '@rivulet/core';
import type { structuredOutput } from '@rivulet/models';
import type { z } from 'zod';

/**
 * A structured answer of type `T` while it streams: every property optional,
 * strings and arrays possibly cut short. The same type as the snapshots of
 * `model.withStructuredOutput`, taken from it rather than restated.
 */
export type PartialOutput<T> = ChunkOf<ReturnType<typeof structuredOutput<z.ZodType<T>>>>;
