import type { CorsSettings } from './cors-options.js';
import { errorResponse } from './json-response.js';

/**
 * The answer to an `OPTIONS` request under {@link CorsSettings}: for a
 * preflight from an allowed origin, `204` saying that it may use `methods`
 * (`POST` JSON; `GET` too for following resumable runs) with the allowed headers; from another origin, `403`, which the browser
 * reports as a failed preflight, so the request itself is never sent. An
 * `OPTIONS` that is no preflight learns the methods (`Allow`).
 */
export function preflightResponse(request: Request, cors: CorsSettings, methods = 'POST'): Response {
  const origin = request.headers.get('origin');
  if (origin === null || !request.headers.has('access-control-request-method')) {
    return new Response(null, { status: 204, headers: { allow: `OPTIONS, ${methods}` } });
  }
  if (!cors.allows(origin)) {
    return errorResponse(403, { name: 'ForbiddenError', message: `Pages of ${origin} may not call this handler (see the handler's cors option).` }, varyOrigin(cors));
  }
  return new Response(null, {
    status: 204,
    headers: {
      ...allowOrigin(origin, cors),
      'access-control-allow-methods': methods,
      'access-control-allow-headers': cors.allowHeaders,
      'access-control-max-age': String(cors.maxAgeSeconds),
    },
  });
}

/** Marks `response` readable by the page that sent `request`, when its origin is allowed. */
export function withCorsHeaders(response: Response, request: Request, cors: CorsSettings): Response {
  const origin = request.headers.get('origin');
  const headers = origin !== null && cors.allows(origin) ? allowOrigin(origin, cors) : varyOrigin(cors);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

function allowOrigin(origin: string, cors: CorsSettings): Record<string, string> {
  return {
    'access-control-allow-origin': cors.any ? '*' : origin,
    ...(cors.credentials && { 'access-control-allow-credentials': 'true' }),
    ...varyOrigin(cors),
  };
}

// The answer depends on the Origin header unless every origin gets the same `*`: caches must know.
function varyOrigin(cors: CorsSettings): Record<string, string> {
  return cors.any ? {} : { vary: 'origin' };
}
