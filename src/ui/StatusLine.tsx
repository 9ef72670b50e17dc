/** The status line: synthesis time, beat count and heart rate of the record on screen. */
import { useStudio } from '../state/use-studio.ts';
import type { SynthStatus } from '../state/studio-store.ts';

function describe(status: SynthStatus): string {
  const rate = status.heartRateBpm === null ? '– bpm' : `${status.heartRateBpm.toFixed(1)} bpm`;
  return [
    `Synthesis ${status.synthMs.toFixed(1)} ms`,
    `${status.beatCount} beats`,
    `mean heart rate ${rate}`,
    `${status.durationS} s at ${status.fsHz} Hz`,
  ].join(' · ');
}

/** One line of facts about the current record. */
export function StatusLine() {
  const status = useStudio((s) => s.status);
  return (
    <p className="status-line" data-testid="status-line">
      {status ? describe(status) : 'Synthesizing…'}
    </p>
  );
}
