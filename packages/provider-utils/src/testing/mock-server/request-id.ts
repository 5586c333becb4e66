import { randomBytes } from 'node:crypto';

/**
 * A request id in the style providers use (`req_…`), unique per response and
 * carrying the request index so a failing test names the request at a glance.
 */
export function createRequestId(index: number): string {
  return `req_mock${index}_${randomBytes(8).toString('hex')}`;
}
