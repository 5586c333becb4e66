import { Observable, type OperatorFunction } from 'rxjs';
import type { PatchOperation } from '@rivulet/parsers/patch';
import { diffSnapshots } from './diff-snapshots.js';

/**
 * Turns a stream of immutable snapshots into the patches between consecutive
 * ones: the first snapshot as one `add` at the root, then only what changed.
 * Snapshots that changed nothing emit nothing.
 */
export function toPatches(): OperatorFunction<unknown, PatchOperation[]> {
  return (source) =>
    new Observable<PatchOperation[]>((subscriber) => {
      let previous: unknown;
      let first = true;
      return source.subscribe({
        next(snapshot) {
          const ops: PatchOperation[] = [];
          if (first) ops.push({ op: 'add', path: '', value: snapshot });
          else diffSnapshots(previous, snapshot, '', ops);
          first = false;
          previous = snapshot;
          if (ops.length > 0) subscriber.next(ops);
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });
    });
}
