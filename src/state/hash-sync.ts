/**
 * Mirror the store in the URL hash: parameter changes are written (debounced, with `replaceState`, so
 * no history entry per slider step), and a hash the user types or opens is applied. A malformed hash
 * is refused with a message naming the parameter; the current state is kept and the hash restored.
 */
import { clearMessage, reportError } from './messages-actions.ts';
import { replaceParams, sameParams } from './params-actions.ts';
import { studioStore } from './studio-store.ts';
import { decodeHash, encodeHash } from './url-hash.ts';

/** The handle of an installed hash mirror. */
export interface HashSync {
  /** Write a pending hash update now. */
  flush(): void;
  /** Stop mirroring. */
  dispose(): void;
}

/** Apply `hash` to the store; returns false (and shows a message) when it is refused. */
export function applyHash(hash: string): boolean {
  try {
    const { presetName, params } = decodeHash(hash);
    clearMessage('hash');
    const state = studioStore.getState();
    if (state.presetName !== presetName || !sameParams(state.params, params))
      replaceParams(params, presetName);
    return true;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    reportError('hash', `Link refused: ${reason}. The current settings are kept.`);
    return false;
  }
}

/** Start mirroring the store in `win.location.hash`; applies the current hash first. */
export function installHashSync(win: Window, debounceMs = 120): HashSync {
  let timer: ReturnType<typeof setTimeout> | null = null;

  const write = () => {
    timer = null;
    const { params, presetName } = studioStore.getState();
    const hash = `#${encodeHash(params, presetName)}`;
    if (win.location.hash !== hash) win.history.replaceState(win.history.state, '', hash);
  };
  const schedule = () => {
    if (timer === null) timer = setTimeout(write, debounceMs);
  };
  const flush = () => {
    if (timer !== null) {
      clearTimeout(timer);
      write();
    }
  };

  if (win.location.hash.length > 1) applyHash(win.location.hash);
  write();
  const unsubscribe = studioStore.subscribe((state, prev) => {
    if (state.params !== prev.params || state.presetName !== prev.presetName) schedule();
  });
  const onHashChange = () => {
    if (!applyHash(win.location.hash)) write();
  };
  win.addEventListener('hashchange', onHashChange);
  return {
    flush,
    dispose() {
      unsubscribe();
      win.removeEventListener('hashchange', onHashChange);
      if (timer !== null) clearTimeout(timer);
    },
  };
}
