import type { AggregationRule, RunEvent } from '@rivulet/core';
import type { PatchOperation } from '@rivulet/parsers/patch';
import { LabelBook } from '../client/run-labels.js';
import type { WireChunkData, WireRunEvent } from '../client/wire-run-event.js';
import { eventToWire } from './event-to-wire.js';
import { allSnapshots, WireEncoder } from './wire-encoder.js';

/**
 * What the server keeps while it writes one `stream_events` stream: the
 * labels each run sent ({@link LabelBook}), and for each run in flight whose
 * `start` announced snapshot chunks, a {@link WireEncoder} holding the last
 * snapshot sent, so its chunks travel as patches ({@link WireChunkData})
 * and the bytes of a growing document stay linear. A run's state goes at
 * its `end` or `error`: memory follows the runs open at once, not the
 * events sent. Call {@link encode} on every event sent, in order, when it is
 * sent: a chunk that stands for several merged ones (a client far behind,
 * see `streamEventsSource`) is then one patch from the run's last chunk
 * sent. The client's `EventDecoder` replays the same state.
 *
 * @example
 * ```ts
 * const encoder = new EventEncoder(false);
 * chain.streamEvents(input).pipe(map((event) => encoder.encode(event)));
 * ```
 */
export class EventEncoder {
  private readonly labels = new LabelBook();
  private readonly snapshots = new Map<string, WireEncoder>();

  /** `debug`: errors go out with their stacks and causes (see `errorToJSON`). */
  constructor(private readonly debug: boolean) {}

  /** `event` as the wire carries it. */
  encode(event: RunEvent): WireRunEvent {
    const wire = eventToWire(event, this.labels, this.debug);
    switch (event.type) {
      case 'start':
        if (holdsSnapshots(event.data.aggregate)) this.snapshots.set(event.runId, new WireEncoder(event.data.aggregate));
        return wire;
      case 'chunk': {
        const encoder = this.snapshots.get(event.runId);
        return encoder === undefined ? wire : { ...wire, data: chunkData(encoder, event.data.chunk) };
      }
      default:
        this.snapshots.delete(event.runId);
        return wire;
    }
  }
}

function chunkData(encoder: WireEncoder, chunk: unknown): WireChunkData {
  let patch: PatchOperation[] | undefined;
  let patches: Record<string, PatchOperation[]> | undefined;
  const rest = encoder.split(chunk, (ops, pointer) => {
    if (pointer === '') patch = ops;
    else (patches ??= {})[pointer] = ops.map((op) => ({ ...op, path: op.path.slice(pointer.length) })); // paths inside the value
  });
  if (patch !== undefined) return { patch };
  if (patches === undefined) return { chunk }; // no snapshot value in this one
  return rest === allSnapshots ? { patches } : { chunk: rest, patches };
}

// True when some chunks of the rule are snapshots: the whole chunk, or a key of a keyed chunk at any depth.
function holdsSnapshots(rule: AggregationRule | undefined): rule is AggregationRule {
  if (rule?.kind === 'snapshot') return true;
  return rule?.kind === 'keyed' && Object.values(rule.keys).some(holdsSnapshots);
}
