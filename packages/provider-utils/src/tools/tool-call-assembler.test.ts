import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChatStreamPartV1 } from '@rivulet/provider';
import { ToolCallAssembler, type IndexedToolCallFragment } from './tool-call-assembler.js';

interface Call {
  readonly id: string;
  readonly name: string;
  readonly args: string;
}

/** The calls the parts describe, checking the contract's order rules as it goes. */
function callsOf(parts: readonly ChatStreamPartV1[]): Call[] {
  const calls = new Map<string, { name: string; args: string; ended: boolean }>();
  for (const part of parts) {
    if (part.type === 'tool-input-start') {
      expect(calls.has(part.id), `a second start for ${part.id}`).toBe(false);
      calls.set(part.id, { name: part.name, args: '', ended: false });
    } else if (part.type === 'tool-input-delta' || part.type === 'tool-input-end') {
      const call = calls.get(part.id);
      expect(call, `${part.type} before its start`).toBeDefined();
      expect(call?.ended, `${part.type} after the end`).toBe(false);
      if (part.type === 'tool-input-delta') call!.args += part.delta;
      else call!.ended = true;
    }
  }
  for (const [id, call] of calls) expect(call.ended, `${id} never ended`).toBe(true);
  return [...calls].map(([id, call]) => ({ id, name: call.name, args: call.args }));
}

/** `text` cut at the given points. */
function cut(text: string, points: readonly number[]): string[] {
  const at = [...new Set([0, ...points.map((p) => p % (text.length + 1)), text.length])].sort((a, b) => a - b);
  return at.slice(1).map((end, i) => text.slice(at[i], end));
}

describe('ToolCallAssembler', () => {
  it('assembles calls however their fragments are cut, with the name and id first or late', () => {
    const call = fc.record({ name: fc.constantFrom('search', 'weather', 'sum'), args: fc.json(), cuts: fc.array(fc.nat(), { maxLength: 6 }) });
    fc.assert(
      fc.property(fc.array(call, { minLength: 1, maxLength: 4 }), fc.boolean(), (calls, shareIndex) => {
        const assembler = new ToolCallAssembler();
        const parts: ChatStreamPartV1[] = [];
        calls.forEach((c, n) => {
          // Some servers put every call at index 0, telling them apart by id only.
          const index = shareIndex ? 0 : n;
          const pieces = cut(c.args, c.cuts);
          const fragments: IndexedToolCallFragment[] = pieces.map((piece, i) => ({ index, argsText: piece, ...(i === 0 && { id: `id${n}`, name: c.name }) }));
          if (fragments.length === 0) fragments.push({ index, id: `id${n}`, name: c.name });
          for (const fragment of fragments) parts.push(...assembler.push(fragment));
        });
        parts.push(...assembler.finish(0));
        expect(callsOf(parts)).toEqual(calls.map((c, n) => ({ id: `id${n}`, name: c.name, args: c.args })));
      }),
    );
  });

  it('holds argument text that arrives before the name, and makes up a unique id when the wire has none', () => {
    const assembler = new ToolCallAssembler();
    const parts = [
      ...assembler.push({ index: 0, argsText: '{"q":' }),
      ...assembler.push({ index: 0, name: 'search', argsText: '"otters"}' }),
      ...assembler.push({ index: 1, name: 'search', argsText: '{}' }),
      ...assembler.finishAll(),
    ];
    const calls = callsOf(parts);
    expect(calls.map((c) => [c.name, c.args])).toEqual([
      ['search', '{"q":"otters"}'],
      ['search', '{}'],
    ]);
    expect(new Set(calls.map((c) => c.id)).size).toBe(2);
  });

  it('keeps choices apart and ends only the finished choice', () => {
    const assembler = new ToolCallAssembler();
    assembler.push({ choice: 0, index: 0, id: 'a', name: 'f', argsText: '{}' });
    assembler.push({ choice: 1, index: 0, id: 'b', name: 'g', argsText: '{}' });
    expect(assembler.finish(1)).toEqual([{ type: 'tool-input-end', id: 'b', choice: 1 }]);
    expect(assembler.finishAll()).toEqual([{ type: 'tool-input-end', id: 'a' }]);
  });

  it('surfaces a call whose name never came, so it is reported rather than lost', () => {
    const assembler = new ToolCallAssembler();
    const parts = [...assembler.push({ index: 0, id: 'x', argsText: '{"a":1}' }), ...assembler.finishAll()];
    expect(callsOf(parts)).toEqual([{ id: 'x', name: '', args: '{"a":1}' }]);
  });
});
