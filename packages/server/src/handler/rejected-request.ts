import { InputError } from '@rivulet/core';
import type { ErrorJSON } from '../client/wire-types.js';

/** Thrown while reading a request to answer it with `status` and `{ error }` before any run starts. */
export class RejectedRequest extends Error {
  readonly status: number;
  readonly error: ErrorJSON;
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, error: ErrorJSON, headers: Readonly<Record<string, string>> = {}) {
    super(error.message);
    this.name = 'RejectedRequest';
    this.status = status;
    this.error = error;
    this.headers = headers;
  }

  /** A request whose body is unusable; an `InputError` on the wire, so `RemoteRunnable` rethrows one. */
  static badInput(status: number, message: string, issues?: readonly unknown[], headers?: Readonly<Record<string, string>>): RejectedRequest {
    return new RejectedRequest(status, new InputError(message, { issues }).toJSON() as ErrorJSON, headers);
  }
}
