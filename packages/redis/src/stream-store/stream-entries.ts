import type { StoredStreamEvent } from '@rivulet/server';

/** A Redis stream entry as ioredis gives it: its id and its fields, name and value in turn. */
export type RawEntry = [id: string, fields: string[]];

/** Events read from a run's stream, and whether its end was among them. */
export interface ReadEntries {
  readonly events: StoredStreamEvent[];
  readonly ended: boolean;
  /** The stream id of the last entry, to read on from; `undefined` when there was none. */
  readonly lastId: string | undefined;
}

/** The events of `entries` (the event with stream id `0-n` has id n) and whether the run's end marker came. */
export function readEntries(entries: readonly RawEntry[]): ReadEntries {
  const events: StoredStreamEvent[] = [];
  let ended = false;
  for (const [id, fields] of entries) {
    if (fields[0] === 'end') ended = true;
    else events.push({ id: Number(id.slice(id.indexOf('-') + 1)), data: fields[1] ?? '' });
  }
  return { events, ended, lastId: entries.at(-1)?.[0] };
}
