/**
 * Vitest setup file: a process warning during a test (an EventTarget or
 * EventEmitter listener leak, a deprecation, an unhandled-rejection notice)
 * fails that test, naming the warning, instead of scrolling past in the
 * output. A test that provokes one on purpose listens for it itself.
 */
import { afterEach } from 'vitest';

const warnings: Error[] = [];
process.on('warning', (warning) => void warnings.push(warning));

afterEach(async () => {
  // Node emits warnings on a later tick than the code that caused them.
  await new Promise((resolve) => setImmediate(resolve));
  if (warnings.length === 0) return;
  const seen = warnings.splice(0);
  throw new Error(`The test caused ${seen.length} process warning(s):\n${seen.map((warning) => `${warning.name}: ${warning.message}`).join('\n')}`);
});
