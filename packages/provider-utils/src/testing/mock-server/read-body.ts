import type { IncomingMessage } from 'node:http';

/** A request body as text and, when it is JSON, parsed. */
export interface ReadBody {
  readonly raw: string;
  readonly json: unknown;
}

/**
 * Reads the whole request body. `json` is `undefined` when the body is empty
 * or not valid JSON; a route decides whether that is an error.
 */
export async function readBody(request: IncomingMessage): Promise<ReadBody> {
  const parts: Buffer[] = [];
  for await (const part of request) parts.push(part as Buffer);
  const raw = Buffer.concat(parts).toString('utf8');
  return { raw, json: parseJson(raw) };
}

function parseJson(raw: string): unknown {
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}
