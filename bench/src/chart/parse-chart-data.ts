import type { CaseResult } from '../bench-case.js';

/** One point of the parse chart. */
export interface ParsePoint {
  readonly library: string;
  readonly bytes: number;
  readonly ms: number;
  readonly measured: 'measured' | 'estimated';
}

/** Every library's median parse time at every size the parse cases ran, the floor included. */
export function parseChartData(results: readonly CaseResult[]): ParsePoint[] {
  return results
    .filter((result) => result.id.startsWith('parse-') && typeof result.params?.['bytes'] === 'number')
    .flatMap((result) => {
      const bytes = result.params?.['bytes'] as number;
      const entries = [
        ['rivulet engine', result.rivulet] as const,
        ...Object.entries(result.variants ?? {}),
        ...Object.entries(result.peers),
        ...(result.floor ? [['JSON.parse (floor)', result.floor] as const] : []),
      ];
      return entries.map(([library, timing]) => ({ library, bytes, ms: timing.median, measured: timing.estimated ? ('estimated' as const) : ('measured' as const) }));
    });
}
