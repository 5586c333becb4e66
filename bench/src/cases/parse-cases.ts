import type { BenchCase } from '../bench-case.js';
import { parseDocumentCase } from './parse-document.js';

/**
 * The three parse sizes. Re-parsing peers are quadratic: whole at 10 KB;
 * whole at 100 KB (once, tens of seconds each) and also estimated there to
 * check the estimate; estimated at 1 MB. `--quick` estimates them at 100 KB too.
 */
export const parseCases: readonly BenchCase[] = [
  parseDocumentCase({ id: 'parse-10kb', bytes: 10_000, reparse: (settings) => ({ whole: { ...settings, settle: 0 } }) }),
  parseDocumentCase({
    id: 'parse-100kb',
    bytes: 100_000,
    reparse: (settings) =>
      settings.quick ? { estimate: { positions: 8, repetitions: 3 } } : { whole: { warmup: 0, repetitions: 1 }, check: { positions: 32, repetitions: 3 } },
  }),
  parseDocumentCase({
    id: 'parse-1mb',
    bytes: 1_000_000,
    growthFrom: 100_000,
    reparse: (settings) => ({ estimate: settings.quick ? { positions: 8, repetitions: 3 } : { positions: 32, repetitions: 3 } }),
  }),
];
