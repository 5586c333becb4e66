import { AbortError } from '../errors/abort-error.js';

/**
 * The reason a run's signal gives once the run is over. Shared, because
 * `abort()` without a reason builds a DOMException with a stack trace each
 * time, a cost that showed in profiles.
 */
const runEnded = new AbortError('The run has ended.');

/**
 * How long a run lives, as an `AbortSignal` that aborts when the run ends,
 * fails or is cancelled. The controller is only made when a step asks for
 * the signal: most runs never do, and making one costs more than a step.
 */
export class RunLifetime {
  #controller: AbortController | undefined;
  #ended = false;

  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      if (this.#ended) this.#controller.abort(runEnded);
    }
    return this.#controller.signal;
  }

  /** Ends the run: whatever listens to its signal stops. */
  end(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#controller?.abort(runEnded);
  }
}
