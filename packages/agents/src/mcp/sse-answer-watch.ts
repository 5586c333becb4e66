import type { RequestId } from '@modelcontextprotocol/sdk/types.js';

/**
 * Reads an MCP event stream beside the SDK, to know what matters when it ends:
 * which of the requests it carries were answered, and whether the server gave
 * its events ids (then the SDK resumes the stream by itself). Lines are split
 * as the bytes come, so a long line (a base64 image) is looked at once, and
 * the watch stops reading once nothing can change its verdict.
 */
export class SseAnswerWatch {
  private readonly decoder = new TextDecoder();
  private readonly pending: Set<RequestId>;
  /** The pieces of a line whose end has not arrived yet. */
  private partial: string[] = [];
  private resumable = false;

  constructor(requestIds: readonly RequestId[]) {
    this.pending = new Set(requestIds);
  }

  /** Reads the next bytes of the stream. */
  push(bytes: Uint8Array): void {
    if (this.settled()) return;
    const text = this.decoder.decode(bytes, { stream: true });
    let start = 0;
    for (const end of text.matchAll(/\r\n?|\n/g)) {
      this.partial.push(text.slice(start, end.index));
      this.readLine(this.partial.join(''));
      this.partial = [];
      start = end.index + end[0].length;
      if (this.settled()) return;
    }
    this.partial.push(text.slice(start));
  }

  /** The requests the stream has not answered, or none when the SDK will resume it. */
  unanswered(): RequestId[] {
    return this.resumable ? [] : [...this.pending];
  }

  private settled(): boolean {
    return this.resumable || this.pending.size === 0;
  }

  private readLine(line: string): void {
    if (line.startsWith('id:')) {
      // The SDK resumes a stream once an event had a non-empty id.
      if (fieldValue(line, 3) !== '') this.resumable = true;
    } else if (line.startsWith('data:')) {
      const id = answeredId(fieldValue(line, 5));
      if (id !== undefined) this.pending.delete(id);
    }
  }
}

/** An SSE field's value: after the colon, without the one space that may follow it. */
function fieldValue(line: string, colonEnd: number): string {
  return line.startsWith(' ', colonEnd) ? line.slice(colonEnd + 1) : line.slice(colonEnd);
}

/**
 * The id of the request a JSON-RPC response answers, or undefined for
 * anything else (a notification, a server request, data split over several
 * `data:` lines: the SDK's servers write one message per line).
 */
function answeredId(data: string): RequestId | undefined {
  let message: unknown;
  try {
    message = JSON.parse(data);
  } catch {
    return undefined;
  }
  if (typeof message !== 'object' || message === null || 'method' in message) return undefined;
  if (!('result' in message) && !('error' in message)) return undefined;
  const id = (message as { id?: unknown }).id;
  return typeof id === 'string' || typeof id === 'number' ? id : undefined;
}
