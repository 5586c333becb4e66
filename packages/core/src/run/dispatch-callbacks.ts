import type { RunEvent } from './run-events.js';
import type { RunCallbacks } from './run-options.js';

/**
 * Builds the event sink for a scope: the parent's sink plus `callbacks`.
 * Returns the parent's sink unchanged when there are no callbacks, so runs
 * nobody listens to pay nothing for events.
 */
export function withCallbacks(
  parent: ((event: RunEvent) => void) | undefined,
  callbacks: RunCallbacks | readonly RunCallbacks[] | undefined,
): ((event: RunEvent) => void) | undefined {
  if (callbacks === undefined) return parent;
  const handlers: readonly RunCallbacks[] = Array.isArray(callbacks) ? callbacks : [callbacks as RunCallbacks];
  if (handlers.length === 0) return parent;
  return (event) => {
    parent?.(event);
    for (const handler of handlers) dispatch(handler, event);
  };
}

function dispatch(handler: RunCallbacks, event: RunEvent): void {
  try {
    handler.onEvent?.(event);
    switch (event.type) {
      case 'start':
        handler.onStart?.(event);
        break;
      case 'chunk':
        handler.onChunk?.(event);
        break;
      case 'end':
        handler.onEnd?.(event);
        break;
      case 'error':
        handler.onError?.(event);
        break;
    }
  } catch (error) {
    // A broken handler must not break the run it observes.
    console.error(`[rivulet] a ${event.type} callback for "${event.name}" threw:`, error);
  }
}
