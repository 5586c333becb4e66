import type { Usage } from '@rivulet/core';

/** The usage of two model calls added up; `undefined` only when neither reported any. */
export function sumUsage(a: Usage | undefined, b: Usage | undefined): Usage | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    totalTokens: a.totalTokens + b.totalTokens,
    ...optionalSum('reasoningTokens', a.reasoningTokens, b.reasoningTokens),
    ...optionalSum('cachedInputTokens', a.cachedInputTokens, b.cachedInputTokens),
  };
}

function optionalSum<K extends string>(key: K, a: number | undefined, b: number | undefined): { [P in K]?: number } {
  return a === undefined && b === undefined ? {} : ({ [key]: (a ?? 0) + (b ?? 0) } as { [P in K]?: number });
}
