import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureConsole } from './index.js';

afterEach(() => void vi.restoreAllMocks());

describe('captureConsole', () => {
  it('records each call formatted as the console prints it, and echoes it by default', () => {
    const printed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const logs = captureConsole();
    try {
      console.error('failed with %d: %s', 503, 'overloaded', { retry: true });
    } finally {
      logs.restore();
    }
    expect(logs.lines).toEqual(["failed with 503: overloaded { retry: true }"]);
    expect(printed).toHaveBeenCalledTimes(1);
  });

  it('with echo off records without printing, and restore puts the console back', () => {
    const printed = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const logs = captureConsole({ echo: false });
    console.warn('expected noise');
    logs.restore();
    console.warn('after');
    expect(logs.lines).toEqual(['expected noise']);
    expect(printed.mock.calls).toEqual([['after']]);
  });
});
