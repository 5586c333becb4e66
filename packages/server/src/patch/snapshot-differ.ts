import type { PatchOperation } from '@rivulet/parsers/patch';
import { diffSnapshots } from './diff-snapshots.js';

/**
 * The patches between successive snapshots at each pointer: the first one
 * `add`ed whole, then only what changed (see {@link diffSnapshots}).
 */
export class SnapshotDiffer {
  private readonly last = new Map<string, unknown>();

  /** The operations that bring the snapshot sent before at `pointer` to `snapshot`. */
  next(snapshot: unknown, pointer = ''): PatchOperation[] {
    const ops: PatchOperation[] = [];
    if (!this.last.has(pointer)) ops.push({ op: 'add', path: pointer, value: snapshot ?? null });
    else diffSnapshots(this.last.get(pointer), snapshot, pointer, ops);
    this.last.set(pointer, snapshot);
    return ops;
  }
}
