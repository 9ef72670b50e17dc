/**
 * Wire the store to the synthesis worker: every parameter change becomes a (coalesced) request; each
 * result is published to the plots and summarized in the store's status; failures become messages.
 * Also tracks when the page is idle: nothing pending and the newest result drawn on the strip.
 */
import { clearMessage, reportError } from '../state/messages-actions.ts';
import { subscribeStripPaints } from '../state/paint-log.ts';
import { studioStore, type SynthStatus } from '../state/studio-store.ts';
import { publishResult } from '../state/synth-results.ts';
import type { SynthResult } from '../workers/synth-protocol.ts';
import { SynthClient, type SynthPort } from './synth-client.ts';

/** The running synthesis connection. */
export interface SynthesisHandle {
  /** True when no request is pending and the newest result has been painted on the strip. */
  isIdle(): boolean;
  /** Stop reacting to the store. */
  dispose(): void;
}

/** Beat count and mean heart rate of a result, from its R peaks. */
export function statusOf(result: SynthResult): SynthStatus {
  const { rPeak, fsHz } = result;
  const n = rPeak.length;
  const spanS = n >= 2 ? (rPeak[n - 1] - rPeak[0]) / fsHz : 0;
  return {
    synthMs: result.synthMs,
    beatCount: n,
    heartRateBpm: spanS > 0 ? (60 * (n - 1)) / spanS : null,
    durationS: result.signalMv.length / fsHz,
    fsHz,
  };
}

/** Start synthesizing the store's parameters on `port` (the worker). */
export function startSynthesis(port: SynthPort): SynthesisHandle {
  let awaitingPaintId: number | null = null;
  const client = new SynthClient(port, {
    onResult(result, inputAtMs) {
      awaitingPaintId = result.id;
      // Samples first (the strip starts drawing now), then the status line.
      publishResult({ result, inputAtMs });
      clearMessage('synth');
      studioStore.setState({ status: statusOf(result) });
    },
    onFailure(failure) {
      const what = failure.key ? `parameter '${failure.key}'` : 'synthesis';
      reportError('synth', `Synthesis failed (${what}): ${failure.message}`);
    },
  });
  const stopPaints = subscribeStripPaints((paint) => {
    if (awaitingPaintId !== null && paint.requestId >= awaitingPaintId) awaitingPaintId = null;
  });
  const stopStore = studioStore.subscribe((state, prev) => {
    if (state.params !== prev.params) client.request(state.params, state.lastInputAtMs);
  });
  client.request(studioStore.getState().params, null);
  return {
    isIdle: () => client.isIdle() && awaitingPaintId === null,
    dispose() {
      stopStore();
      stopPaints();
    },
  };
}
