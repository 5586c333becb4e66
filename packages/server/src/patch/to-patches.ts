import { Observable, type OperatorFunction } from 'rxjs';
import type { PatchOperation } from '@rivulet/parsers/patch';
import { SnapshotDiffer } from './snapshot-differ.js';

/**
 * Turns a stream of immutable snapshots into the patches between consecutive
 * ones: the first snapshot as one `add` at the root, then only what changed.
 * Snapshots that changed nothing emit nothing.
 */
export function toPatches(): OperatorFunction<unknown, PatchOperation[]> {
  return (source) =>
    new Observable<PatchOperation[]>((subscriber) => {
      const differ = new SnapshotDiffer();
      return source.subscribe({
        next(snapshot) {
          const ops = differ.next(snapshot);
          if (ops.length > 0) subscriber.next(ops);
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });
    });
}
