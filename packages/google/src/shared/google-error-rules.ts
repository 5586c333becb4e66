import type { HttpErrorRules } from '@rivulet/provider-utils';

/**
 * Google's error statuses (`google.rpc.Code` names in `error.status`) that
 * decide retrying where the HTTP status does not: a mid-stream error event,
 * or a 200 whose body is an error.
 */
export const googleErrorRules: HttpErrorRules = {
  transientCodes: ['UNAVAILABLE', 'INTERNAL', 'DEADLINE_EXCEEDED', 'RESOURCE_EXHAUSTED', 'ABORTED'],
};
