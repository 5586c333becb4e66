import type { WireEvent } from '../mock-server/wire-event.js';

/**
 * How one provider's mock encodes the faults of a {@link FaultSchedule}: the
 * only provider-specific part of playing it.
 *
 * @typeParam ErrorShape - the fields of the provider's error object.
 */
export interface FaultWire<ErrorShape extends object = object> {
  /**
   * The provider's error body for `error` (a string error is its message):
   * `status` for an HTTP error, `undefined` for an error sent with a 200 or
   * mid-stream. `requestId` is the one the answer carries, for bodies that
   * repeat it.
   */
  errorBody(status: number | undefined, error: ErrorShape | string | undefined, requestId: string): unknown;
  /** The provider's mid-stream error event for `error`. */
  errorEvent(error: ErrorShape | string | undefined, requestId: string): WireEvent;
  /** An event whose data is not valid JSON; best when it looks like the start of a real one, so a lenient client cannot guess its way past it. */
  readonly malformedEvent: WireEvent;
  /** The wrong-shape event; `data: {"foo":1}` unless told. */
  readonly wrongShapeEvent?: WireEvent | undefined;
}

/** The wrong-shape event a schedule sends unless the wire says otherwise: valid JSON no provider sends. */
export const defaultWrongShapeEvent: WireEvent = { data: '{"foo":1}' };
