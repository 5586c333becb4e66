// Dependency-free on purpose: the browser client tracks fields by the same rule.

/** Distinct fields whose first appearance is never delayed; beyond, an object is a map and its keys wait like elements. */
export const MAX_TRACKED_FIELDS = 1_000;

/** One field path of a document with array indices wildcarded (`/items/*\/name`). */
export interface FieldShape {
  readonly fields: Map<string, FieldShape>;
  element: FieldShape | undefined;
}

/**
 * The fields a document has shown so far, by path with array indices
 * wildcarded, so a snapshot layer can tell a new field (`items[0].name`, the
 * first `name` of any item) from one more member of a known shape
 * (`items[7].name`). The first snapshot of a field is never delayed.
 */
export class FieldShapes {
  readonly root: FieldShape = { fields: new Map(), element: undefined };
  // Every field past the cap: nothing is new any more, so one shape stands for them all (no Map per member).
  private readonly untracked: FieldShape = { fields: new Map(), element: undefined };
  private count = 0;

  /** The shape of member `key` of an object of shape `parent`, and whether it is new. */
  member(parent: FieldShape, key: string): { readonly shape: FieldShape; readonly isNew: boolean } {
    const known = parent.fields.get(key);
    if (known !== undefined) return { shape: known, isNew: false };
    if (this.count >= MAX_TRACKED_FIELDS) return { shape: this.untracked, isNew: false };
    const shape: FieldShape = { fields: new Map(), element: undefined };
    this.count++;
    parent.fields.set(key, shape);
    return { shape, isNew: true };
  }

  /** The shape of the elements of an array of shape `parent`. */
  element(parent: FieldShape): FieldShape {
    return (parent.element ??= { fields: new Map(), element: undefined });
  }
}
