/** Installs `window.__pqrst.realism`, the Realism view's test hook. */
import { realismIdle } from '../../app/realism-client.ts';
import { realismStore } from '../../state/realism-store.ts';
import type { PqrstRealismTestApi } from '../../types/pqrst-realism-test-api.d.ts';

const POLL_MS = 20;

/** The hook. */
export function createRealismTestApi(): PqrstRealismTestApi {
  return {
    getState: () => {
      const { phase, stage, error } = realismStore.getState();
      return { phase, stage, error };
    },
    getReport: () => structuredClone(realismStore.getState().result?.report ?? null),
    getFileNames: () => {
      const r = realismStore.getState().result;
      return r ? [...Object.keys(r.files), 'recipe.json'] : [];
    },
    whenIdle: () =>
      new Promise<void>((resolve) => {
        const check = () => (realismIdle() ? resolve() : setTimeout(check, POLL_MS));
        check();
      }),
  };
}

/** Put the hook on `win.__pqrst.realism` (when the studio's hook is there). */
export function installRealismTestApi(win: Window): void {
  if (win.__pqrst) win.__pqrst.realism = createRealismTestApi();
}
