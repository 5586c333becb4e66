import type { CaseResult } from './bench-case.js';
import type { Timing } from './measure.js';

/** A plain-text table: each case's medians (min–max) and each peer's and the floor's ratio to Rivulet. */
export function formatTable(results: readonly CaseResult[]): string {
  const lines = ['case                 unit          rivulet                     compared with'];
  for (const result of results) {
    const others = [
      ...Object.entries(result.peers).map(([name, timing]) => `${name} ${ratio(timing, result.rivulet)}`),
      ...(result.floor ? [`floor ${ratio(result.floor, result.rivulet)}`] : []),
    ];
    lines.push(`${result.id.padEnd(20)} ${result.unit.padEnd(13)} ${format(result.rivulet).padEnd(27)} ${others.join(', ')}`);
  }
  return lines.join('\n');
}

function format(timing: Timing): string {
  return `${round(timing.median)} (${round(timing.min)}–${round(timing.max)})`;
}

/** How many times Rivulet's median the other is: above 1 means Rivulet is faster. */
function ratio(other: Timing, rivulet: Timing): string {
  return `${round(other.median)} = ${round(other.median / rivulet.median)}×`;
}

function round(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(2) : value.toPrecision(2);
}
