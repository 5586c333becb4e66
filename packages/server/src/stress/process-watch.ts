/** What a {@link watchProcess} saw. */
export interface ProcessWatch {
  /** Every unhandled rejection and uncaught exception since the watch began, with its kind. */
  readonly failures: readonly { readonly kind: 'unhandledRejection' | 'uncaughtException'; readonly error: unknown }[];
  /** Removes the listeners. */
  stop(): void;
}

/**
 * Listens for unhandled rejections and uncaught exceptions for the length of
 * a suite, so it can assert that none happened: "no unhandled rejection,
 * ever" is a promise of the design, and a stress run is where one shows.
 */
export function watchProcess(): ProcessWatch {
  const failures: { kind: 'unhandledRejection' | 'uncaughtException'; error: unknown }[] = [];
  const onRejection = (error: unknown): void => void failures.push({ kind: 'unhandledRejection', error });
  const onException = (error: unknown): void => void failures.push({ kind: 'uncaughtException', error });
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return {
    failures,
    stop() {
      process.off('unhandledRejection', onRejection);
      process.off('uncaughtException', onException);
    },
  };
}
