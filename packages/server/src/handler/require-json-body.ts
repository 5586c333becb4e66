import { parseMediaType } from './media-type.js';
import { RejectedRequest } from './rejected-request.js';

/**
 * Refuses with `415`, before the body is read, a request whose body is not
 * declared as `application/json` (any case, any parameters, a charset only
 * if UTF-8). Besides being honest about what the handler reads, this closes
 * a door: a page of any site can POST `text/plain`, form or multipart bodies
 * cross-site without a CORS preflight, while a JSON POST needs the
 * preflight the handler answers only when its `cors` option allows it.
 */
export function requireJsonBody(request: Request): void {
  const header = request.headers.get('content-type');
  const type = header === null ? undefined : parseMediaType(header);
  const charset = type?.parameters.get('charset')?.toLowerCase();
  if (type?.essence === 'application/json' && (charset === undefined || charset === 'utf-8' || charset === 'utf8')) return;
  const problem =
    header === null ? 'has no Content-Type'
    : type === undefined ? `has a malformed Content-Type (${JSON.stringify(header.slice(0, 100))})`
    : type.essence !== 'application/json' ? `is ${type.essence}`
    : `is in charset ${JSON.stringify(charset)}`;
  throw RejectedRequest.badInput(415, `The request body ${problem}: send UTF-8 JSON with Content-Type: application/json.`, undefined, { accept: 'application/json' });
}
