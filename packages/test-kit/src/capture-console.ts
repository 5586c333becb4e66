import { format } from 'node:util';

const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

/** Lines written through `console.*` while a capture is on. */
export interface ConsoleCapture {
  readonly lines: readonly string[];
  /** Puts the console back. */
  restore(): void;
}

/** Options of {@link captureConsole}. */
export interface CaptureConsoleOptions {
  /** Also print each line as the console would (default true); false keeps expected noise out of the test output. */
  readonly echo?: boolean;
}

/**
 * Records every `console.*` call, formatted as the console would print it,
 * so a test can search what the code under test logged (a secret, a
 * warning).
 *
 * @example
 * ```ts
 * const logs = captureConsole({ echo: false });
 * try {
 *   await run();
 * } finally {
 *   logs.restore();
 * }
 * expect(logs.lines.filter((line) => line.includes(apiKey))).toEqual([]);
 * ```
 */
export function captureConsole(options: CaptureConsoleOptions = {}): ConsoleCapture {
  const lines: string[] = [];
  const original = Object.fromEntries(methods.map((method) => [method, console[method]])) as Pick<Console, (typeof methods)[number]>;
  for (const method of methods) {
    console[method] = (...args: unknown[]): void => {
      lines.push(format(...args));
      if (options.echo !== false) original[method].apply(console, args);
    };
  }
  return { lines, restore: () => void Object.assign(console, original) };
}
