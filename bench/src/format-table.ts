import type { CaseResult } from './bench-case.js';
import type { Timing } from './stats/summarize.js';

/**
 * The results as plain text: per case, every contender's median (min–max)
 * and how many times Rivulet's median it is (above 1: Rivulet is faster),
 * then each target, met (✔) or missed (✘), or `~ n/a` when a `--quick`
 * run cannot judge it. `~` before a time marks an estimated value.
 */
export function formatTable(results: readonly CaseResult[]): string {
  const lines: string[] = [];
  for (const result of results) {
    lines.push('', `${result.id} (${result.unit})`);
    const rows: [string, Timing][] = [
      ['rivulet', result.rivulet],
      ...Object.entries(result.variants ?? {}),
      ...Object.entries(result.peers),
      ...(result.floor ? [['floor', result.floor] as [string, Timing]] : []),
    ];
    const width = Math.max(...rows.map(([name]) => name.length));
    for (const [index, [name, timing]] of rows.entries()) {
      const times = `${timing.estimated ? '~' : ' '}${round(timing.median).padStart(9)}  (${round(timing.min)}–${round(timing.max)})`;
      const ratio = index === 0 ? '' : `${round(timing.median / result.rivulet.median)}× rivulet`;
      lines.push(`  ${name.padEnd(width)}  ${times.padEnd(32)} ${ratio}`);
    }
    for (const target of result.targets ?? []) {
      const verdict = target.indicative !== undefined ? '~ n/a   ' : target.met ? '✔ met   ' : '✘ MISSED';
      const why = target.indicative !== undefined ? ` (not judged: ${target.indicative})` : '';
      lines.push(`  ${verdict} ${target.target}: ${round(target.actual)}${why}`);
    }
  }
  return lines.join('\n');
}

/** Three significant digits, without exponent notation for everyday magnitudes. */
export function round(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 10_000) return Math.round(value).toLocaleString('en-US');
  if (magnitude >= 100) return value.toFixed(0);
  if (magnitude >= 10) return value.toFixed(1);
  if (magnitude >= 1) return value.toFixed(2);
  return value.toPrecision(2);
}
