/** Installs `window.__pqrst.import`, the import panel's test hook. */
import { importIdle } from '../../app/import-client.ts';
import { importStore } from '../../state/import-store.ts';
import type { PqrstImportTestApi } from '../../types/pqrst-import-test-api.d.ts';

const POLL_MS = 10;

function settled(): boolean {
  if (!importIdle()) return false;
  const { selected, plotted } = importStore.getState();
  return selected === null || plotted?.record === selected;
}

/** The hook. */
export function createImportTestApi(): PqrstImportTestApi {
  return {
    getSummary: () => importStore.getState().summary,
    getRecords: () => {
      const { records, windowsByRecord } = importStore.getState();
      return records.map((r) => ({
        name: r.name,
        fsHz: r.fsHz,
        nSamples: r.signalMv.length,
        nBeats: r.beatSymbols.length,
        windows: windowsByRecord[r.name] ?? 0,
      }));
    },
    getPlotted: () => importStore.getState().plotted,
    getLastRun: () => {
      const run = importStore.getState().lastRun;
      return (
        run && {
          serial: run.serial,
          task: run.task,
          files: run.files,
          durationMs: run.durationMs,
          readMs: run.readMs,
          progress: run.progress,
        }
      );
    },
    whenIdle: () =>
      new Promise<void>((resolve) => {
        const check = () => (settled() ? resolve() : setTimeout(check, POLL_MS));
        check();
      }),
  };
}

/** Put the hook on `win.__pqrst.import` (when the studio's hook is there). */
export function installImportTestApi(win: Window): void {
  if (win.__pqrst) win.__pqrst.import = createImportTestApi();
}
