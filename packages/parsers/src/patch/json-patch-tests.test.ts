import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectSameJson } from '../test-support/same-json.js';
import { applyPatch, type PatchOperation } from './apply-patch.js';

// The public suite, vendored in ./json-patch-tests (see its README.md and LICENSE).
interface Case {
  readonly comment?: string;
  readonly doc?: unknown;
  readonly patch?: readonly PatchOperation[];
  readonly expected?: unknown;
  readonly error?: string;
  readonly disabled?: boolean;
}

// Cases that conflict with a deliberate choice of ours, by exact comment, with the reason. None so far.
const skipped = new Map<string, string>();

function load(file: string): Case[] {
  return JSON.parse(readFileSync(new URL(`./json-patch-tests/${file}`, import.meta.url), 'utf8')) as Case[];
}

/** Cases the suite itself marks `disabled` (they contradict the RFC or each other): not run, and counted below so the number cannot drift silently. */
const disabledUpstream = { 'tests.json': 3, 'spec_tests.json': 1 } as const;

for (const file of ['tests.json', 'spec_tests.json'] as const) {
  describe(file, () => {
    const cases = load(file);
    it(`holds ${disabledUpstream[file]} cases disabled upstream, which are not run`, () => {
      expect(cases.filter((c) => c.disabled === true)).toHaveLength(disabledUpstream[file]);
    });
    cases.forEach((c, i) => {
      if (c.patch === undefined) return; // a record holding only a comment
      if (c.disabled === true) return;
      const patch = c.patch;
      const name = `#${i} ${c.comment ?? JSON.stringify(c.patch)}`;
      const reason = c.comment === undefined ? undefined : skipped.get(c.comment);
      if (reason !== undefined) throw new Error(`${name}: we disagree with this case (${reason}); say so in a test of our own instead of skipping it`);
      it(name, () => {
        const before = JSON.stringify(c.doc);
        if (c.error !== undefined) {
          // Our own Error, not a TypeError from a bug that happens to throw.
          expect(() => applyPatch(c.doc, patch), c.error).toThrow(expect.objectContaining({ name: 'Error' }));
        } else {
          const result = applyPatch(c.doc, patch);
          if ('expected' in c) expectSameJson(result, c.expected);
        }
        expect(JSON.stringify(c.doc)).toBe(before);
      });
    });
  });
}
