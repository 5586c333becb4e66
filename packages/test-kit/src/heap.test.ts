import { afterEach, describe, expect, it, vi } from 'vitest';
import { canCollect, heapAfterGc } from './index.js';

afterEach(() => void vi.unstubAllGlobals());

describe('heapAfterGc', () => {
  it('collects fully, several times, then reads heapUsed', async () => {
    const gc = vi.fn();
    vi.stubGlobal('gc', gc);
    expect(canCollect()).toBe(true);
    expect(await heapAfterGc()).toBeGreaterThan(0);
    expect(gc).toHaveBeenCalledTimes(4);
  });

  it('says how to run it when the process cannot collect', async () => {
    vi.stubGlobal('gc', undefined);
    expect(canCollect()).toBe(false);
    await expect(heapAfterGc()).rejects.toThrow('Run with --expose-gc to measure the heap.');
  });
});
