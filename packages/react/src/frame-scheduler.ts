/**
 * Runs `task` once at the next animation frame however many times it is
 * requested before then. Where there are no frames (a server, a worker), the
 * next frame is a timer of about one frame's length. Nothing is read from the
 * global scope until a frame is requested, so importing this on a server is safe.
 */
export class FrameScheduler {
  private cancelPending: (() => void) | undefined;

  constructor(private readonly task: () => void) {}

  /** Asks for `task` at the next frame; a no-op when it is already asked for. */
  request(): void {
    if (this.cancelPending !== undefined) return;
    const run = (): void => {
      this.cancelPending = undefined;
      this.task();
    };
    if (typeof requestAnimationFrame === 'function') {
      const id = requestAnimationFrame(run);
      this.cancelPending = () => cancelAnimationFrame(id);
    } else {
      const timer = setTimeout(run, 16);
      this.cancelPending = () => clearTimeout(timer);
    }
  }

  /** Forgets a pending request. */
  cancel(): void {
    this.cancelPending?.();
    this.cancelPending = undefined;
  }
}
