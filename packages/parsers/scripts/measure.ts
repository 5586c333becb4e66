// Measures the parsers against one JSON.parse of the same text.
// Run: node --conditions=@rivulet/source --import tsx packages/parsers/scripts/measure.ts
import { PartialJsonParser, PatchObserver, SnapshotObserver } from '@rivulet/parsers';
import { sampleJson } from './sample-json.js';

function best(run: () => void, times = 7): number {
  let min = Infinity;
  for (let k = 0; k < times; k++) {
    const t0 = performance.now();
    run();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

function chunked(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

function engine(chunks: readonly string[]): void {
  const p = new PartialJsonParser();
  let sink: unknown;
  for (const c of chunks) {
    p.push(c);
    sink = p.value;
  }
  if (sink === undefined) throw new Error('no value');
  p.end();
}

function snapshots(chunks: readonly string[]): void {
  const s = new SnapshotObserver();
  const p = new PartialJsonParser({ observers: [s] });
  for (const c of chunks) {
    p.push(c);
    if (s.changed) s.publish();
  }
  p.end();
}

function patches(chunks: readonly string[]): number {
  const o = new PatchObserver();
  const p = new PartialJsonParser({ observers: [o] });
  let count = 0;
  for (const c of chunks) {
    p.push(c);
    count += o.take().length;
  }
  p.end();
  return count + o.take().length;
}

// Arguments: sizes in bytes, and optionally --only=engine,patches.
const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const sizes = args.filter((a) => !a.startsWith('--')).map(Number);
for (const bytes of sizes.length > 0 ? sizes : [100_000, 1_000_000, 10_000_000]) {
  const text = sampleJson(bytes);
  const chunks = chunked(text, 4);
  const times = bytes > 5e6 ? 3 : 7;
  const parse = best(() => JSON.parse(text));
  const row = (name: string, ms: number): string => `${name} ${ms.toFixed(1)} ms (${(ms / parse).toFixed(1)}x)`;
  console.log(
    [
      `${(text.length / 1e6).toFixed(2)} MB in ${chunks.length} 4-char chunks: JSON.parse ${parse.toFixed(1)} ms`,
      ...(['engine', 'snapshots', 'patches'] as const)
        .filter((mode) => !only || only.includes(mode))
        .map((mode) => row(mode, best(() => void { engine, snapshots, patches }[mode](chunks), times))),
    ].join(', '),
  );
}
