import { SpanStatusCode, type Span } from '@opentelemetry/api';

/** A failed step: the exception as an event, `error.type` its name, status ERROR. */
export function recordError(span: Span, error: Error): void {
  span.recordException(error);
  span.setAttribute('error.type', error.name || 'Error');
  span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
}

/**
 * A step that never reported its end: the run around it ended first (an
 * abort, a timeout, a failing sibling) or its consumer stopped listening.
 */
export function recordCancelled(span: Span): void {
  span.setAttribute('error.type', 'cancelled');
  span.setStatus({ code: SpanStatusCode.ERROR, message: 'Cancelled: the run ended before this step did.' });
}
