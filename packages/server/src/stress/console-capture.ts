import { format } from 'node:util';

const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

/** Lines written through `console.*` while a capture is on. */
export interface ConsoleCapture {
  readonly lines: readonly string[];
  /** Puts the console back. */
  restore(): void;
}

/**
 * Records every `console.*` call (formatted as the console would print it)
 * and still prints it, so a test can search what the code under test logged.
 */
export function captureConsole(): ConsoleCapture {
  const lines: string[] = [];
  const original = Object.fromEntries(methods.map((method) => [method, console[method]])) as Pick<Console, (typeof methods)[number]>;
  for (const method of methods) {
    console[method] = (...args: unknown[]): void => {
      lines.push(format(...args));
      original[method].apply(console, args);
    };
  }
  return { lines, restore: () => void Object.assign(console, original) };
}
