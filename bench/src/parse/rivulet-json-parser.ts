import { from } from 'rxjs';
import { jsonParser } from '@rivulet/parsers';
import { drainSync } from './drain-sync.js';
import type { ParseContender } from './parse-contender.js';

/**
 * The `jsonParser()` runnable as a pipeline uses it: chunks flow in through
 * `asOperator()`, and every emitted chunk reaches the subscriber. In snapshot
 * mode each one is the immutable value so far; in patch mode each is the
 * array of operations one input chunk produced (consumed, not applied).
 */
export function rivuletJsonParser(mode: 'snapshot' | 'patch'): ParseContender {
  const parser = mode === 'patch' ? jsonParser({ mode: 'patch' }) : jsonParser();
  return {
    name: mode === 'patch' ? "rivulet jsonParser({ mode: 'patch' })" : 'rivulet jsonParser()',
    kind: 'incremental',
    parseStream: (chunks) => drainSync(from(chunks).pipe(parser.asOperator())).last,
  };
}
