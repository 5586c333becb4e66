import type { Redis } from 'ioredis';
import { closeClient, duplicateClient } from '../connection/redis-connection.js';

interface Channel {
  readonly listeners: Set<() => void>;
  /** Settles once the subscription is confirmed by Redis. */
  readonly subscribed: Promise<unknown>;
}

/**
 * Listeners for stop requests, over one Pub/Sub connection (opened when
 * first needed) however many runs are watched: a channel is subscribed
 * while someone listens on it.
 */
export class StopChannels {
  readonly #channels = new Map<string, Channel>();
  #subscriber: Redis | undefined;

  constructor(private readonly client: Redis) {}

  /** Calls `listener` on each message to `channel`; resolves once Redis confirmed the subscription. */
  async listen(channel: string, listener: () => void): Promise<void> {
    let entry = this.#channels.get(channel);
    if (entry === undefined) {
      entry = { listeners: new Set(), subscribed: this.#connection().subscribe(channel) };
      this.#channels.set(channel, entry);
    }
    entry.listeners.add(listener);
    try {
      await entry.subscribed;
    } catch (error) {
      if (this.#channels.get(channel) === entry) this.#channels.delete(channel);
      throw error;
    }
  }

  /** Stops calling `listener`; the channel is let go when nobody listens any more. */
  unlisten(channel: string, listener: () => void): void {
    const entry = this.#channels.get(channel);
    if (entry === undefined || !entry.listeners.delete(listener) || entry.listeners.size > 0) return;
    this.#channels.delete(channel);
    // Nothing waits on it: a failure only leaves a subscription that delivers to nobody.
    this.#subscriber?.unsubscribe(channel).catch(() => undefined);
  }

  async close(): Promise<void> {
    this.#channels.clear();
    if (this.#subscriber !== undefined) await closeClient(this.#subscriber);
  }

  #connection(): Redis {
    if (this.#subscriber === undefined) {
      const subscriber = duplicateClient(this.client);
      subscriber.on('message', (channel: string) => {
        for (const listener of [...(this.#channels.get(channel)?.listeners ?? [])]) listener();
      });
      this.#subscriber = subscriber;
    }
    return this.#subscriber;
  }
}
