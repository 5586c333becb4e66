import { InputError } from '@rivulet/core';

/** The Redis keys of one batch, beside the queue's BullMQ keys. */
export interface BatchKeys {
  /** Hash: `total`, `done`, `failed`. */
  readonly meta: string;
  /** Hash: input index → its result (JSON), written once. */
  readonly results: string;
  /** Stream: one entry per result recorded (`i` index, `d` done, `f` failed), for readers to follow. */
  readonly events: string;
}

export function batchKeys(prefix: string, queue: string, batchId: string): BatchKeys {
  const base = `${prefix}:${queue}:batch:${batchId}`;
  return { meta: base, results: `${base}:results`, events: `${base}:events` };
}

/** The BullMQ job id of input `index`: the same for every add of the batch, so adding twice queues nothing twice. */
export function jobId(batchId: string, index: number): string {
  return `${batchId}-${index}`;
}

const NAME = /^[A-Za-z0-9_.-]{1,128}$/;

/** `name` checked as a queue name or batch id: letters, digits, `_`, `.`, `-`; else `InputError`. */
export function checkName(kind: string, name: unknown): string {
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw new InputError(`A ${kind} must be 1 to 128 letters, digits, '_', '.' or '-', got ${JSON.stringify(name)}.`);
  }
  return name;
}
