import { describe, expect, it } from 'vitest';
import { watchProcess } from './index.js';

type Event = 'unhandledRejection' | 'uncaughtException' | 'warning';
const events: Event[] = ['unhandledRejection', 'uncaughtException', 'warning'];
// One overload per event name: a union of names matches none of them.
const listenersOf = (event: Event): ((value: unknown) => void)[] => process.listeners(event as 'warning') as ((value: unknown) => void)[];

/** The listeners a watch added, by event: emitting the real events would fail this very test run. */
function added(before: ReadonlyMap<Event, readonly unknown[]>): Map<Event, ((value: unknown) => void)[]> {
  return new Map(events.map((event) => [event, listenersOf(event).filter((listener) => !before.get(event)?.includes(listener))]));
}

describe('watchProcess', () => {
  it('records unhandled rejections, uncaught exceptions and warnings, each by kind', () => {
    const before = new Map(events.map((event) => [event, listenersOf(event)]));
    const watch = watchProcess();
    try {
      const listeners = added(before);
      expect([...listeners.values()].map((list) => list.length)).toEqual([1, 1, 1]);
      listeners.get('unhandledRejection')?.[0]?.(new Error('rejected'));
      listeners.get('uncaughtException')?.[0]?.(new Error('thrown'));
      listeners.get('warning')?.[0]?.(new Error('MaxListenersExceededWarning'));
      expect(watch.failures).toEqual([
        { kind: 'unhandledRejection', error: new Error('rejected') },
        { kind: 'uncaughtException', error: new Error('thrown') },
      ]);
      expect(watch.warnings).toEqual([new Error('MaxListenersExceededWarning')]);
    } finally {
      watch.stop();
    }
  });

  it('stop removes every listener it added', () => {
    const counts = events.map((event) => process.listenerCount(event));
    watchProcess().stop();
    expect(events.map((event) => process.listenerCount(event))).toEqual(counts);
  });
});
