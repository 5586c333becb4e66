import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RivuletError } from '@rivulet/core';
import { DEFAULT_REDIS_SERVER_PATH, findRedisServer } from './redis-server-path.js';

/** A `redis-server` started by {@link startRedisServer}. */
export interface RedisServer {
  /** `redis://127.0.0.1:<port>`. */
  readonly url: string;
  readonly port: number;
  /** Stops the server and removes its working directory. */
  close(): Promise<void>;
}

/** Options of {@link startRedisServer}. */
export interface StartRedisServerOptions {
  /** Longest wait for the server to answer `PING`, in ms. Default 10,000. */
  readonly readyTimeoutMs?: number | undefined;
}

/**
 * Starts a throwaway `redis-server` on a free loopback port, with nothing
 * written to disk (`--save ''`, `--appendonly no`, a temporary directory),
 * and resolves once it answers `PING`. For tests and offline examples: every
 * Rivulet Redis test runs against a real server started this way.
 *
 * Fails with a message saying `apt-get install -y redis-server` when the
 * server is not installed (see {@link findRedisServer}).
 *
 * @example
 * ```ts
 * const redis = await startRedisServer();
 * const cache = new RedisCache({ url: redis.url });
 * // ...
 * await cache.close();
 * await redis.close();
 * ```
 */
export async function startRedisServer(options: StartRedisServerOptions = {}): Promise<RedisServer> {
  const path = findRedisServer();
  if (path === undefined) {
    throw new RivuletError(`redis-server is not installed (looked for ${process.env['REDIS_SERVER_PATH'] || DEFAULT_REDIS_SERVER_PATH}). Install it with: apt-get install -y redis-server`);
  }
  const deadline = Date.now() + (options.readyTimeoutMs ?? 10_000);
  // A port found free can be taken before the server binds it (another test file starting its own): try again.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'rivulet-redis-'));
    const child = spawn(path, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--loglevel', 'warning'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let output = '';
    child.stderr?.setEncoding('utf8').on('data', (text: string) => (output += text));
    const exited = new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.once('error', (error) => ((output += error.message), resolve()));
    });
    const ready = await waitUntilReady(port, exited, deadline);
    if (ready) return { url: `redis://127.0.0.1:${port}`, port, close: () => stop(child, exited, dir) };
    await stop(child, exited, dir);
    if (attempt === 3 || Date.now() >= deadline) throw new RivuletError(`redis-server did not start on port ${port}: ${output.trim() || 'no answer to PING'}`);
  }
}

/** Polls `PING` until the server answers `PONG` (true), exits or the deadline passes (false). */
async function waitUntilReady(port: number, exited: Promise<void>, deadline: number): Promise<boolean> {
  let gone = false;
  void exited.then(() => (gone = true));
  while (!gone && Date.now() < deadline) {
    if (await ping(port)) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return false;
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    let reply = '';
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setEncoding('utf8');
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (text: string) => {
      reply += text;
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
    socket.once('error', () => done(false));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function stop(child: ChildProcess, exited: Promise<void>, dir: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  // A server that does not stop when asked is killed.
  const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(kill);
  rmSync(dir, { recursive: true, force: true });
}
