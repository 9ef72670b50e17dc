/**
 * Wire the store to the variety view: after each parameter change has been quiet for
 * `VARIETY_DEBOUNCE_MS` (so a slider drag stays fluid), ask the worker for `VARIETY_COUNT` records of the
 * current class and publish them to the panel; failures become messages.
 */
import { clearMessage, reportError } from '../state/messages-actions.ts';
import { studioStore } from '../state/studio-store.ts';
import { publishVariety } from '../state/variety-results.ts';
import { VARIETY_COUNT, VARIETY_DEBOUNCE_MS, VARIETY_WINDOW_S } from '../state/variety-settings.ts';
import type { VarietyReply, VarietyRequest } from '../workers/variety-protocol.ts';
import { VarietyClient } from './variety-client.ts';
import type { ChannelPort } from './worker-channels.ts';

/** The running variety connection. */
export interface VarietyHandle {
  /** True when no variety request is waiting, queued or in flight. */
  isIdle(): boolean;
  /** Stop reacting to the store. */
  dispose(): void;
}

/** Start computing the variety view of the store's parameters on `port`. */
export function startVariety(
  port: ChannelPort<VarietyRequest, VarietyReply>,
  debounceMs = VARIETY_DEBOUNCE_MS,
): VarietyHandle {
  const client = new VarietyClient(
    port,
    { count: VARIETY_COUNT, windowS: VARIETY_WINDOW_S },
    {
      onResult(result, params) {
        publishVariety(result.thumbs, result.windowS, params);
        clearMessage('variety');
      },
      onFailure(failure) {
        const what = failure.key ? `parameter '${failure.key}'` : 'records';
        reportError('variety', `Variety view failed (${what}): ${failure.message}`);
      },
    },
  );
  let timer: ReturnType<typeof setTimeout> | null = null;
  const stopStore = studioStore.subscribe((state, prev) => {
    if (state.params === prev.params) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      client.request(studioStore.getState().params);
    }, debounceMs);
  });
  client.request(studioStore.getState().params);
  return {
    isIdle: () => timer === null && client.isIdle(),
    dispose() {
      stopStore();
      if (timer !== null) clearTimeout(timer);
    },
  };
}
