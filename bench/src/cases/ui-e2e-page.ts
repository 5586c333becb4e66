// What the ui-e2e case measures inside the page, run there by playwright's `page.evaluate`.
// The functions are serialised into the page: each may use only browser globals, nothing of this module.

/** The page's measurements, on `window`. */
interface Probe {
  firstFieldAt?: number;
  frameTimes?: number[];
}

/** Records, as epoch milliseconds, when the plan's first field (its destination) first shows text. */
export function watchFirstField(): void {
  const probe = window as unknown as Probe;
  delete probe.firstFieldAt;
  const observer = new MutationObserver(() => {
    if (!document.getElementById('plan-destination')?.textContent) return;
    probe.firstFieldAt = performance.timeOrigin + performance.now();
    observer.disconnect();
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
}

/** When the first field showed (epoch ms), once it has. */
export function firstFieldAt(): number | undefined {
  return (window as unknown as Probe).firstFieldAt;
}

/**
 * Records the time of every animation frame while the run streams: from the
 * first frame that sees it streaming to the first that sees it over. With
 * `idleFrames`, records that many frames instead, whatever the page does.
 */
export function recordFrames(idleFrames: number | void): void {
  const times: number[] = [];
  (window as unknown as Probe).frameTimes = times;
  // An object method, not a named function: tsx wraps those in a `__name` helper the page does not have.
  const loop = {
    tick(time: number): void {
      const status = document.querySelector('.status')?.getAttribute('data-status');
      if (typeof idleFrames === 'number' ? times.length < idleFrames : status === 'streaming' || times.length === 0) {
        if (typeof idleFrames === 'number' || status === 'streaming') times.push(time);
        requestAnimationFrame((next) => loop.tick(next));
      } else if (typeof idleFrames !== 'number') {
        times.push(time); // the frame that showed the end
      }
    },
  };
  requestAnimationFrame((time) => loop.tick(time));
}

/** True once the frames asked of {@link recordFrames} are recorded. */
export function framesRecorded(idleFrames: number | void): boolean {
  const times = (window as unknown as Probe).frameTimes ?? [];
  const status = document.querySelector('.status')?.getAttribute('data-status');
  return typeof idleFrames === 'number' ? times.length >= idleFrames : times.length > 1 && status !== 'streaming';
}

/** The frames recorded: how many per second, the longest gap between two, and the meter's renders. */
export function frameStats(): { fps: number; longestFrameMs: number; seconds: number; renders: number } {
  const times = (window as unknown as Probe).frameTimes ?? [];
  let longest = 0;
  for (let i = 1; i < times.length; i++) longest = Math.max(longest, (times[i] as number) - (times[i - 1] as number));
  const span = (times.at(-1) ?? 0) - (times[0] ?? 0);
  return {
    fps: span > 0 ? ((times.length - 1) * 1000) / span : 0,
    longestFrameMs: longest,
    seconds: span / 1000,
    renders: Number(document.querySelector('.meter')?.getAttribute('data-renders') ?? 0),
  };
}
