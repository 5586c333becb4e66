import { readBody } from './read-body.js';
import { RejectedRequest } from './rejected-request.js';

/** The request body parsed as a JSON object; `400` when it is not one, `413` when too large. */
export async function readJsonObject(request: Request, maxBytes: number): Promise<Record<string, unknown>> {
  const text = await readBody(request, maxBytes);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw RejectedRequest.badInput(400, 'The request body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw RejectedRequest.badInput(400, 'The request body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}
