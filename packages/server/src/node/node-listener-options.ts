/** Options of {@link toNodeListener}. */
export interface NodeListenerOptions {
  /**
   * Longest a response may wait for the client to take what was written to
   * it, in ms (nginx's `send_timeout`): a client that stops reading is then
   * disconnected, which cancels its run and frees what waited for it. A
   * client that reads, however slowly, is never cut; `Infinity` waits for
   * ever. @defaultValue 60000
   */
  readonly sendTimeoutMs?: number | undefined;
}

/** The default of {@link NodeListenerOptions.sendTimeoutMs}. */
export const defaultSendTimeoutMs = 60_000;
