import { expect, test } from 'vitest';
import { tripPlan } from '../throughput/trip-document.js';
import { measureServerThroughput, RAW_BASELINE } from './server-throughput.js';

// The case itself at a tiny scale, with its child processes: every run checks that its stream
// delivered the whole plan (a run that did not throws), so the bench cannot silently rot.
test('server-throughput runs end to end at 3 streams and reports both sides', async () => {
  const result = await measureServerThroughput('server-throughput', { concurrency: 3, warmup: 0, repetitions: 1 });
  expect(result.rivulet.median).toBeGreaterThan(0);
  expect(result.peers[RAW_BASELINE]?.median).toBeGreaterThan(0);
  expect(result.floor?.median).toBeGreaterThan(0);
  expect(result.params).toMatchObject({ concurrency: 3, documentBytes: 2366, chunkSize: 4, chunks: 592 });
  for (const name of ['rivuletRunsPerSecond', 'rawRunsPerSecond', 'rivuletServerCpuMs', 'rawServerCpuMs', 'rivuletClientCpuMs', 'modelMockCpuMs']) {
    expect(result.params?.[name], name).toBeGreaterThan(0);
  }
  // A raw answer carries the plan's text (2,366 characters, pretty-printed), JSON-encoded delta by delta;
  // Rivulet's carries the parsed plan as patches, so at least its compact JSON (the model's whitespace is not sent).
  expect(result.params?.['rawBytesPerStream']).toBeGreaterThan(2366);
  expect(result.params?.['rivuletBytesPerStream']).toBeGreaterThan(JSON.stringify(tripPlan).length);
}, 120_000);
