/** What went wrong in the process while a {@link watchProcess} watch was on. */
export interface ProcessFailure {
  /** The process event it came by. */
  readonly kind: 'unhandledRejection' | 'uncaughtException';
  /** The rejection reason or the exception. */
  readonly error: unknown;
}

/** What a {@link watchProcess} saw. */
export interface ProcessWatch {
  /** Every unhandled rejection and uncaught exception since the watch began. */
  readonly failures: readonly ProcessFailure[];
  /** Every process warning since the watch began (a listener leak, a deprecation). Node emits them a turn late: see `nextTurn`. */
  readonly warnings: readonly Error[];
  /** Removes the listeners. */
  stop(): void;
}

/**
 * Listens for unhandled rejections, uncaught exceptions and process warnings
 * for the length of a test or a suite, so it can assert that none happened:
 * "no unhandled rejection, ever" is a promise of the design, and a stress run
 * is where one shows.
 *
 * @example
 * ```ts
 * const watch = watchProcess();
 * await Promise.all(runs);
 * await nextTurn();
 * watch.stop();
 * expect(watch.failures).toEqual([]);
 * expect(watch.warnings).toEqual([]);
 * ```
 */
export function watchProcess(): ProcessWatch {
  const failures: ProcessFailure[] = [];
  const warnings: Error[] = [];
  const onRejection = (error: unknown): void => void failures.push({ kind: 'unhandledRejection', error });
  const onException = (error: unknown): void => void failures.push({ kind: 'uncaughtException', error });
  const onWarning = (warning: Error): void => void warnings.push(warning);
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  process.on('warning', onWarning);
  return {
    failures,
    warnings,
    stop() {
      process.off('unhandledRejection', onRejection);
      process.off('uncaughtException', onException);
      process.off('warning', onWarning);
    },
  };
}
