import { useEffect, useRef } from 'react';

/** Renders of a component, and animation frames, counted while `active`. */
export interface RenderMeter {
  readonly renders: number;
  readonly frames: number;
}

/**
 * Counts the renders of the calling component and the animation frames of
 * the page while `active` (a run streams), to show that however fast chunks
 * arrive, `useRunnable` renders at most once per frame. The counts restart
 * when `active` turns true.
 */
export function useRenderMeter(active: boolean): RenderMeter {
  const counts = useRef({ renders: 0, frames: 0, active: false });
  const now = counts.current;
  if (active && !now.active) Object.assign(now, { renders: 0, frames: 0 });
  now.active = active;
  if (active) now.renders++;
  useEffect(() => {
    if (!active) return;
    let id = requestAnimationFrame(function tick() {
      counts.current.frames++;
      id = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(id);
  }, [active]);
  return { renders: now.renders, frames: now.frames };
}
