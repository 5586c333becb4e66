import { defineConfig } from 'vitest/config';

// Tests read each package's sources through the `@rivulet/source` export
// condition, so `pnpm test` needs no prior build.
const conditions = ['@rivulet/source', 'import', 'module', 'node', 'default'];
// Tests run on Node: the bundler-only `module` condition picks ESM builds Node cannot load (OpenTelemetry's).
const nodeConditions = conditions.filter((condition) => condition !== 'module');

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions: nodeConditions, externalConditions: nodeConditions } },
  test: {
    include: ['packages/*/src/**/*.test.{ts,tsx}', 'examples/*/src/**/*.test.{ts,tsx}', 'bench/src/**/*.test.ts'],
    // The stress suite runs on its own: `pnpm test:stress` (vitest.stress.config.ts).
    exclude: ['**/node_modules/**', '**/.git/**', '**/*.stress.test.ts'],
    reporters: ['default', './scripts/summary-reporter.ts'],
    // Any process warning (a listener leak, a deprecation) fails the test that caused it.
    setupFiles: ['./scripts/fail-on-process-warnings.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
