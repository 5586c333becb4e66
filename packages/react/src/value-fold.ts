import { RemoteError, type AggregationRule } from '@rivulet/server/client';

/**
 * One run's fold of wire chunks into the value a component shows, by the
 * aggregation rule the server announced. Unlike a server-side fold it never
 * mutates what it handed out: `value()` returns a new reference for what
 * changed and the same one for what did not, so React sees every change and
 * memoised children of unchanged subtrees skip their render. Chunks are
 * buffered and folded when `value()` is read (once per frame), so text joins
 * and arrays grow once per frame, not once per chunk.
 */
export interface ValueFold {
  /** Takes one chunk (a snapshot, a delta, an item, a keyed chunk); throws a `RemoteError` for chunks it cannot fold. */
  add(chunk: unknown): void;
  /** True when chunks were added since the last `value()`. */
  readonly changed: boolean;
  /** The value so far: what `invoke` would return if the run ended now. */
  value(): unknown;
}

/**
 * The fold of `rule`. Rules a browser cannot apply without the server's code
 * (a custom fold, model message chunks) fail with a `RemoteError` named
 * `InputError` saying what to serve instead.
 */
export function valueFold(rule: AggregationRule): ValueFold {
  switch (rule.kind) {
    case 'snapshot':
      return new SnapshotFold();
    case 'delta':
      return new DeltaFold();
    case 'items':
      return new ItemsFold();
    case 'keyed':
      return new KeyedFold(rule.keys);
    case 'custom':
      throw unsupported(`The stream folds by the custom aggregation "${rule.name}", which useRunnable cannot apply in the browser: serve a runnable whose chunks are snapshots, text, items or keyed chunks of those.`);
  }
}

class SnapshotFold implements ValueFold {
  changed = false;
  private latest: unknown;
  add(chunk: unknown): void {
    this.latest = chunk;
    this.changed = true;
  }
  value(): unknown {
    this.changed = false;
    return this.latest;
  }
}

class DeltaFold implements ValueFold {
  private acc: unknown;
  private pending: unknown[] = [];
  get changed(): boolean {
    return this.pending.length > 0;
  }
  add(chunk: unknown): void {
    if (isMessageChunk(chunk)) {
      throw unsupported('The stream sends model message chunks, which useRunnable does not fold: end the served chain with textParser() to stream its text, or with a structured parser.');
    }
    this.pending.push(chunk);
  }
  value(): unknown {
    if (this.pending.length > 0) this.acc = joinDeltas(this.acc, this.pending);
    this.pending = [];
    return this.acc;
  }
}

// As the server folds deltas: strings join, arrays concatenate, anything else is replaced by the later chunk.
function joinDeltas(start: unknown, chunks: readonly unknown[]): unknown {
  let acc = start;
  for (let i = 0; i < chunks.length; ) {
    if (Array.isArray(acc)) return acc.concat(...chunks.slice(i));
    if (typeof acc === 'string' && typeof chunks[i] === 'string') {
      let end = i;
      while (end < chunks.length && typeof chunks[end] === 'string') end++;
      acc = acc + chunks.slice(i, end).join('');
      i = end;
    } else {
      acc = chunks[i++];
    }
  }
  return acc;
}

class ItemsFold implements ValueFold {
  private acc: readonly unknown[] = [];
  private pending: unknown[] = [];
  get changed(): boolean {
    return this.pending.length > 0;
  }
  add(chunk: unknown): void {
    this.pending.push(chunk);
  }
  value(): unknown {
    if (this.pending.length > 0) this.acc = [...this.acc, ...this.pending];
    this.pending = [];
    return this.acc;
  }
}

class KeyedFold implements ValueFold {
  changed = false;
  private readonly folds = new Map<string, ValueFold>();
  private acc: Record<string, unknown> | undefined;
  constructor(private readonly keys: Readonly<Record<string, AggregationRule>>) {}
  add(chunk: unknown): void {
    if (this.acc === undefined) this.changed = true; // even a chunk with no key makes the value `{}`, as on the server
    for (const [key, part] of Object.entries(chunk as Record<string, unknown>)) {
      let fold = this.folds.get(key);
      if (fold === undefined) {
        // Keys without a rule keep their last value, as on the server.
        fold = valueFold(Object.hasOwn(this.keys, key) ? (this.keys[key] as AggregationRule) : { kind: 'snapshot' });
        this.folds.set(key, fold);
      }
      fold.add(part);
      this.changed = true;
    }
  }
  value(): unknown {
    if (!this.changed) return this.acc;
    const next: Record<string, unknown> = {};
    // Own data properties, so a key named `__proto__` is a key like any other.
    for (const [key, fold] of this.folds) Object.defineProperty(next, key, { value: fold.value(), enumerable: true, writable: true, configurable: true });
    this.acc = next;
    this.changed = false;
    return next;
  }
}

// A model's message chunk as the server sends it: `AIMessageChunk.toJSON()`.
function isMessageChunk(chunk: unknown): boolean {
  if (typeof chunk !== 'object' || chunk === null) return false;
  const { role, chunk: isChunk } = chunk as { role?: unknown; chunk?: unknown };
  return role === 'ai' && isChunk === true;
}

function unsupported(message: string): RemoteError {
  return new RemoteError({ name: 'InputError', message });
}
