/** Installs `window.__pqrst`, the typed test hook (see src/types/pqrst-test-api.d.ts). */
import { lastStripPaint, stripPaintCount } from '../state/paint-log.ts';
import { setParams } from '../state/params-actions.ts';
import { studioStore } from '../state/studio-store.ts';
import { lastBeatViewsPaint, lastVarietyPaint } from '../state/view-log.ts';
import type { PqrstTestApi } from '../types/pqrst-test-api.d.ts';

/** What the hook needs from the running app. */
export interface TestApiDeps {
  /** Nothing pending and the newest result painted. */
  isIdle(): boolean;
  /** Write a pending URL-hash update now. */
  flushHash(): void;
}

/** Poll interval of `whenIdle`, ms. */
const IDLE_POLL_MS = 4;

/** Build the test hook on `deps`. */
export function createTestApi(deps: TestApiDeps): PqrstTestApi {
  return {
    getParams: () => ({ ...studioStore.getState().params }),
    setParams: (partial) => setParams(partial),
    getPlottedStrip() {
      const paint = lastStripPaint();
      return { timeS: paint ? Array.from(paint.timeS) : [], mv: paint ? Array.from(paint.mv) : [] };
    },
    getVariety: () => lastVarietyPaint().map(({ seed, className }) => ({ seed, className })),
    getBeatViews: () => lastBeatViewsPaint().map(({ title, parts }) => ({ title, parts: [...parts] })),
    whenIdle() {
      return new Promise<void>((resolve) => {
        const check = () => {
          if (!deps.isIdle()) {
            setTimeout(check, IDLE_POLL_MS);
            return;
          }
          deps.flushHash();
          resolve();
        };
        check();
      });
    },
    get paintCount() {
      return stripPaintCount();
    },
    get lastPaintMs() {
      return lastStripPaint()?.latencyMs ?? null;
    },
  };
}

/** Install the test hook on `win.__pqrst`. */
export function installTestApi(win: Window, deps: TestApiDeps): void {
  win.__pqrst = createTestApi(deps);
}
