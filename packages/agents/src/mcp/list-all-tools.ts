import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Tool as McpToolDescription } from '@modelcontextprotocol/sdk/types.js';

/**
 * Every tool the server lists, page after page (`nextCursor`). A server that
 * hands out a cursor it gave before would make this loop forever: that is an
 * error instead.
 */
export async function listAllTools(client: Client, signal?: AbortSignal): Promise<McpToolDescription[]> {
  const tools: McpToolDescription[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await client.listTools(cursor === undefined ? undefined : { cursor }, signal === undefined ? undefined : { signal });
    tools.push(...page.tools);
    cursor = page.nextCursor;
    if (cursor !== undefined && seen.has(cursor)) throw new Error(`The server listed its tools in a loop: it repeated the cursor "${cursor}".`);
    if (cursor !== undefined) seen.add(cursor);
  } while (cursor !== undefined);
  return tools;
}
