import type * as Vitest from 'vitest';

// `@rivulet/provider-utils/testing` also serves the offline demo and users of other
// test runners, who must not need vitest installed: it is loaded here, once,
// optionally, instead of by a static import that every user of the entry pays.
const loaded: typeof Vitest | undefined = await import('vitest').catch(() => undefined);

/** vitest's API for the conformance suite; a clear error when vitest is not installed. */
export function vitest(): typeof Vitest {
  if (loaded === undefined) {
    throw new Error('describeProviderConformance runs on vitest: add `vitest` to your dev dependencies.');
  }
  return loaded;
}
