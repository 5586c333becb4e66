import type { EmbeddingModel } from '@rivulet/models';
import type { RecordedRequest } from '../mock-server/recorded-request.js';

/**
 * The batch size of `model`'s provider, which the batching scenarios need
 * finite and small: a target whose models have no limit fails saying so.
 */
export function batchLimit(model: EmbeddingModel): number {
  const limit = model.provider.maxEmbeddingsPerCall;
  if (limit === undefined || !Number.isFinite(limit) || limit < 1 || limit > 1_000) {
    throw new Error(
      `embedding conformance: the target's models must have a small finite maxEmbeddingsPerCall (the suite sends 2 × the limit + 1 texts), got ${String(limit)}; set one in the adapter's model().`,
    );
  }
  return limit;
}

/** `count` distinct texts, in an order a sort would not restore. */
export function sampleTexts(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `passage ${(i * 7919) % 10_007} of ${count}`);
}

/** Resolves once the server holds `count` requests: a fixed timer could fire before they arrive on a loaded machine. */
export async function untilRequests(server: { readonly requests: readonly RecordedRequest[] }, count: number): Promise<void> {
  for (let waited = 0; server.requests.length < count; waited += 5) {
    if (waited > 10_000) throw new Error(`embedding conformance: the server got ${server.requests.length} requests, expected ${count}.`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
