import { tripInput } from './trip-request.js';

/** The baseline's request: `POST {url}/stream` with `{ input }`, as any JSON client sends it. */
function postStream(url: string): Promise<Response> {
  return fetch(`${url}/stream`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ input: tripInput }),
  });
}

/**
 * The baseline's client: a plain `fetch` reading the event stream to its end
 * and counting the bytes, nothing decoded. Resolves to the byte count.
 */
export async function rawClientBytes(url: string): Promise<number> {
  const response = await postStream(url);
  if (response.status !== 200 || response.body === null) throw new Error(`server-throughput: the raw server answered ${response.status}`);
  let bytes = 0;
  for await (const piece of response.body) bytes += piece.byteLength;
  return bytes;
}

/**
 * The baseline's whole answer, decoded once to check it: the text of its
 * deltas joined, and how many bytes carried them (what every measured run
 * must then count).
 */
export async function rawClientText(url: string): Promise<{ readonly text: string; readonly bytes: number }> {
  const response = await postStream(url);
  if (response.status !== 200) throw new Error(`server-throughput: the raw server answered ${response.status}`);
  const body = await response.text();
  const data = body.split('\n').flatMap((line) => (line.startsWith('data: ') ? [line.slice('data: '.length)] : []));
  if (data.at(-1) !== '[DONE]') throw new Error('server-throughput: the raw stream did not end with [DONE]');
  return { text: data.slice(0, -1).map((delta) => JSON.parse(delta) as string).join(''), bytes: Buffer.byteLength(body) };
}
