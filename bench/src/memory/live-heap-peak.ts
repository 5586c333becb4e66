/**
 * Tracks the largest live heap of this process above a baseline: each
 * `sample()` forces a full GC (run with `--expose-gc`) and reads `heapUsed`,
 * so garbage not yet collected never counts. The baseline is taken when the
 * tracker is created, with the inputs of the measurement already in the heap.
 */
export class LiveHeapPeak {
  #peak = 0;
  readonly #baseline: number;
  readonly #gc: () => void;

  constructor() {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (gc === undefined) throw new Error('run with --expose-gc');
    this.#gc = gc;
    this.#baseline = this.#liveHeap();
  }

  /** Bytes of the largest sample so far above the baseline. */
  get peakBytes(): number {
    return this.#peak;
  }

  /** Collects garbage and records the live heap; returns this sample's bytes above the baseline. */
  sample(): number {
    const bytes = this.#liveHeap() - this.#baseline;
    this.#peak = Math.max(this.#peak, bytes);
    return bytes;
  }

  #liveHeap(): number {
    this.#gc();
    return process.memoryUsage().heapUsed;
  }
}
