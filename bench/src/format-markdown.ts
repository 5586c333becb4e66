import type { CaseResult } from './bench-case.js';
import { round } from './format-table.js';
import type { Timing } from './stats/summarize.js';

/**
 * The results as Markdown, one table per case, for docs/performance.md:
 * median, min–max and how many times Rivulet's median each contender takes
 * (above 1: Rivulet is faster). `~` marks estimated values.
 */
export function formatMarkdown(results: readonly CaseResult[]): string {
  return results
    .map((result) => {
      const rows: [string, Timing][] = [
        ['**Rivulet**', result.rivulet],
        ...Object.entries(result.variants ?? {}).map(([name, timing]): [string, Timing] => [name, timing]),
        ...Object.entries(result.peers),
        ...(result.floor ? [['floor', result.floor] as [string, Timing]] : []),
      ];
      const lines = [
        `#### \`${result.id}\` (${result.unit})`,
        '',
        '| contender | median | min–max | × Rivulet |',
        '| --- | ---: | ---: | ---: |',
        ...rows.map(
          ([name, timing], index) =>
            `| ${name} | ${timing.estimated ? '~' : ''}${round(timing.median)} | ${round(timing.min)}–${round(timing.max)} | ${index === 0 ? '1' : round(timing.median / result.rivulet.median)} |`,
        ),
        '',
        ...(result.targets ?? []).map((t) => `- ${t.indicative !== undefined ? 'not judged' : t.met ? '✔ met' : '✘ **missed**'}: ${t.target} (measured ${round(t.actual)})`),
      ];
      return lines.join('\n');
    })
    .join('\n\n');
}
