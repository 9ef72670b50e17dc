/** Installs `window.__pqrst.fit`, the fit panel's test hook. */
import { fitIdle } from '../../app/fit-client.ts';
import { fitStore } from '../../state/fit-store.ts';
import type { PqrstFitTestApi } from '../../types/pqrst-fit-test-api.d.ts';

const POLL_MS = 10;

/** The hook. */
export function createFitTestApi(): PqrstFitTestApi {
  return {
    getState: () => {
      const { phase, record, error } = fitStore.getState();
      return { phase, record, error };
    },
    getTemplates: () =>
      (fitStore.getState().result?.templates ?? []).map((t) => ({
        segment: t.segment,
        className: t.className,
        beatType: t.beatType,
        nBeats: t.nBeats,
        rmsUv: t.rmsUv,
        varianceExplained: t.varianceExplained,
        params: structuredClone(t.params),
        rAmpMeanMv: t.beats?.waves.R?.ampMv.mean ?? null,
      })),
    getFitMs: () => fitStore.getState().result?.fitMs ?? null,
    getPreset: () => {
      const p = fitStore.getState().preset;
      return p && { className: p.className, nBeats: p.nBeats, params: { ...p.params } };
    },
    whenIdle: () =>
      new Promise<void>((resolve) => {
        const check = () => (fitIdle() ? resolve() : setTimeout(check, POLL_MS));
        check();
      }),
  };
}

/** Put the hook on `win.__pqrst.fit` (when the studio's hook is there). */
export function installFitTestApi(win: Window): void {
  if (win.__pqrst) win.__pqrst.fit = createFitTestApi();
}
