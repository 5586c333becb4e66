import { RejectedRequest } from './rejected-request.js';

/**
 * The request body as text, refusing bodies over `maxBytes` with `413`: at
 * once when `Content-Length` says so, else as soon as the count passes the
 * limit, cancelling the rest unread.
 */
export async function readBody(request: Request, maxBytes: number): Promise<string> {
  const tooLarge = (): RejectedRequest => RejectedRequest.badInput(413, `The request body is larger than ${maxBytes} bytes.`);
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) throw tooLarge();
  if (request.body === null) return '';
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    parts.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
