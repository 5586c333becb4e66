import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { guardDroppedStreams } from './dropped-stream-guard.js';
import { isStdioSource, type McpSource } from './mcp-source.js';
import { StderrTail } from './stderr-tail.js';

/** How long `close()` waits for an HTTP server to acknowledge the end of the session. */
const END_SESSION_GRACE_MS = 2000;

/** A transport to the server, not started yet, and what closing it takes. */
export interface OpenedTransport {
  readonly transport: Transport;
  /** The end of the server's stderr, for error messages (stdio with `stderr: 'pipe'`). */
  readonly stderr: StderrTail | undefined;
  /** Tells the server the session is over (HTTP: `DELETE`), best effort, bounded in time. */
  endSession(): Promise<void>;
}

/** The SDK transport for `source`: a child process over stdio, or Streamable HTTP. */
export function openTransport(source: McpSource): OpenedTransport {
  if (isStdioSource(source)) {
    const transport = new StdioClientTransport({
      command: source.command,
      args: [...(source.args ?? [])],
      ...(source.env !== undefined && { env: { ...source.env } }),
      ...(source.cwd !== undefined && { cwd: source.cwd }),
      stderr: source.stderr ?? 'inherit',
    });
    // The SDK hands out the piped stream before start, so nothing early is missed.
    const stderr = source.stderr === 'pipe' ? new StderrTail(transport.stderr) : undefined;
    return { transport, stderr, endSession: async () => {} };
  }
  const transport = new StreamableHTTPClientTransport(new URL(source.url), {
    fetch: guardDroppedStreams(source.fetch ?? fetch),
    ...(source.headers !== undefined && { requestInit: { headers: { ...source.headers } } }),
  });
  return { transport, stderr: undefined, endSession: () => endHttpSession(transport) };
}

async function endHttpSession(transport: StreamableHTTPClientTransport): Promise<void> {
  if (transport.sessionId === undefined) return;
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, END_SESSION_GRACE_MS);
  });
  // A server that is gone or does not support ending sessions changes nothing for us.
  await Promise.race([transport.terminateSession().catch(() => undefined), grace]);
  clearTimeout(timer);
}
