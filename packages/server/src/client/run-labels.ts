/** The fields of a run event that name and label its step: the same on every event of a run, and mostly inherited by its nested steps. */
export interface RunLabels {
  readonly name: string;
  readonly tags: readonly string[];
  readonly metadata: Readonly<Record<string, unknown>>;
}

const none: RunLabels = { name: '', tags: [], metadata: {} };

/**
 * What both ends of a `stream_events` stream remember so that labels travel
 * once per run, not once per event: the labels each live run had on its last
 * event. The server leaves out of an event the labels equal to its
 * {@link baseOf base}; the client, keeping the same book over the same
 * events, puts them back. A run is forgotten at its `end` or `error`, so the
 * book holds only the runs in flight.
 */
export class LabelBook {
  private readonly runs = new Map<string, RunLabels>();

  /** What an event's labels are measured against: its run's last labels, else its parent run's, else none (empty). */
  baseOf(runId: string, parentRunId: string | undefined): RunLabels {
    return this.runs.get(runId) ?? (parentRunId === undefined ? undefined : this.runs.get(parentRunId)) ?? none;
  }

  /** Remembers the labels of an event of `runId`, or forgets the run when the event is its last. */
  record(type: string, runId: string, labels: RunLabels): void {
    if (type === 'end' || type === 'error') this.runs.delete(runId);
    else this.runs.set(runId, labels);
  }
}
