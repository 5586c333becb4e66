import { PartialJsonParser, SnapshotObserver, jsonParser, structuredParser } from '@rivulet/parsers';
import { fakeRunnable } from '@rivulet/core/testing';
import { z } from 'zod';
const nums = JSON.stringify(Array.from({ length: 150_000 }, (_, i) => (i % 7 === 0 ? -i / 4 : i * 3)));
const objs = JSON.stringify({ items: Array.from({ length: 20_000 }, (_, id) => ({ id, name: `item number ${id}`, tags: ['a', 'b'] })) });
for (const [label, text, schema] of [['numbers', nums, z.array(z.number())], ['objects', objs, z.object({ items: z.array(z.object({ id: z.number(), name: z.string(), tags: z.array(z.string()) })) })]] as const) {
  const chunks = Array.from({ length: Math.ceil(text.length / 4) }, (_, i) => text.slice(i * 4, i * 4 + 4).split('').join(''));
  const time = (name: string, f: () => void) => { f(); const t = performance.now(); for (let i = 0; i < 3; i++) f(); console.log(label, name, ((performance.now() - t) / 3).toFixed(1), 'ms'); };
  time('engine', () => { const p = new PartialJsonParser(); for (const c of chunks) { p.push(c); void p.value; } p.end(); });
  let pubs = 0;
  time('engine+snapshots', () => { pubs = 0; const s = new SnapshotObserver(); const p = new PartialJsonParser({ observers: [s] }); for (const c of chunks) { p.push(c); s.advance(c.length); if (s.due) { s.publish(); pubs++; } } p.end(); s.publish(); });
  console.log('  publishes', pubs);
  time('jsonParser runnable', () => { fakeRunnable(chunks).pipe(jsonParser()).stream('x').subscribe(); });
  time('structuredParser runnable', () => { fakeRunnable(chunks).pipe(structuredParser(schema)).stream('x').subscribe(); });
}
