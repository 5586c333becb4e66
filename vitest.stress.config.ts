import { defineConfig } from 'vitest/config';

// The stress suite (`pnpm test:stress`): load, faults, abort storms, soak,
// fuzz and security, in `*.stress.test.ts` files that the regular config
// skips: the cross-package end-to-end suite in `stress/`, and each package's
// own stress files beside its sources. See docs/reliability.md for what each
// file proves.
const conditions = ['@rivulet/source', 'import', 'module', 'node', 'default'];
// Tests run on Node: the bundler-only `module` condition picks ESM builds Node cannot load (OpenTelemetry's).
const nodeConditions = conditions.filter((condition) => condition !== 'module');

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions: nodeConditions, externalConditions: nodeConditions } },
  test: {
    include: ['stress/**/*.stress.test.ts', 'packages/*/src/**/*.stress.test.ts'],
    reporters: ['default', './scripts/summary-reporter.ts'],
    // One file at a time: the load figures must not share two cores with a fuzz run.
    fileParallelism: false,
    // The soak test measures the heap after `global.gc()`.
    execArgv: ['--expose-gc'],
    // Each test bounds itself; these catch one that does not.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
