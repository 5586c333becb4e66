import { describe, expect, it } from 'vitest';
import { abortListeners } from './index.js';

describe('abortListeners', () => {
  it('counts the abort listeners a signal holds now', () => {
    const controller = new AbortController();
    const listener = (): void => undefined;
    expect(abortListeners(controller.signal)).toBe(0);
    controller.signal.addEventListener('abort', listener);
    controller.signal.addEventListener('abort', () => undefined, { once: true });
    expect(abortListeners(controller.signal)).toBe(2);
    controller.signal.removeEventListener('abort', listener);
    expect(abortListeners(controller.signal)).toBe(1);
  });
});
