import { lambda, type Message } from '@rivulet/core';
import { z } from 'zod';
import * as zm from 'zod/mini';
import { createHandler, RemoteRunnable } from '../index.js';

const shout = lambda((x: { text: string }) => x.text.toUpperCase());

createHandler(shout, { inputSchema: z.object({ text: z.string() }) });
createHandler(shout, { inputSchema: z.object({ text: z.number().transform(String) }) }); // the schema's output is what counts
createHandler(shout, { inputSchema: zm.object({ text: zm.string() }) });
// @ts-expect-error the schema does not produce the runnable's input
createHandler(shout, { inputSchema: z.object({ text: z.number() }) });

const remote = new RemoteRunnable<{ text: string }, string>({ url: 'http://localhost/api' });
const length = remote.pipe((text) => text.length);
export const typed: Promise<number> = length.invoke({ text: 'hi' });

// The AI SDK chat protocol needs a runnable that takes a list of messages.
createHandler(lambda((messages: Message[]) => `${messages.length} messages`), { protocol: 'ai-sdk-ui' });
// @ts-expect-error an object input cannot be made from UI messages
createHandler(shout, { protocol: 'ai-sdk-ui' });
