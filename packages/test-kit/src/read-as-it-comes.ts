/**
 * A response body read as it arrives, to its end, as a client that keeps up
 * reads it (so a server never has to coalesce for it), decoded as UTF-8.
 *
 * @example
 * ```ts
 * const events = parseSse(await readAsItComes(response));
 * ```
 */
export async function readAsItComes(response: Response): Promise<string> {
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (let read = await reader.read(); !read.done; read = await reader.read()) text += decoder.decode(read.value, { stream: true });
  return text + decoder.decode();
}
