/** Text `pqrst experiment` prints on stderr: live progress, one line per finished run, the final table. */
import type { ExperimentProgress } from '../train/experiment/runner.ts';
import type { RunResult } from '../train/experiment/runs.ts';
import type { GainRow, SummaryRow } from '../train/experiment/summary.ts';

function fixed(x: number, digits = 3): string {
  return Number.isFinite(x) ? x.toFixed(digits) : '—';
}

/** Seconds as `42 s`, `3 min`, `1.5 h`. */
export function durationText(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 90) return `${Math.round(s)} s`;
  if (s < 5400) return `${Math.round(s / 60)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}

/** One live progress line (no line end). */
export function progressLine(p: ExperimentProgress, leftS: number): string {
  const where = `${p.task} ${p.arch} seed ${p.seed}`;
  const run = `run ${Math.min(p.runsDone + 1, p.runsTotal)}/${p.runsTotal}`;
  let what: string;
  if (p.phase === 'synthesize') what = `synthesizing pre-training data ${Math.round(p.fraction * 100)} %`;
  else {
    const label =
      p.phase === 'pretrain' ? 'pre-training on synthetic data' : `${p.regime} budget ${p.budget}`;
    const e = p.epoch;
    what =
      e === undefined
        ? `${label} ${Math.round(p.fraction * 100)} %`
        : `${label} epoch ${e.epoch}: loss ${fixed(e.trainLoss)} val ${fixed(e.valLoss)}, ${Math.round(e.samplesPerSec)} samples/s`;
  }
  const left = Number.isFinite(leftS) ? `, ~${durationText(leftS)} left` : '';
  return `pqrst: ${run} ${where}: ${what}${left}`;
}

/** One line (with '\n') for a finished run. */
export function resultLine(r: RunResult, done: number, total: number): string {
  const ci = r.ci ? ` [${fixed(r.ci.f1.lo)}, ${fixed(r.ci.f1.hi)}]` : '';
  return (
    `pqrst: ${done}/${total} ${r.task} ${r.arch} ${r.regime} budget ${r.budget} seed ${r.seed}: ` +
    `F1 ${fixed(r.metrics.f1)}${ci} AUROC ${fixed(r.metrics.auroc)} AUPRC ${fixed(r.metrics.auprc)} ` +
    `acc ${fixed(r.metrics.accuracy)} (${r.nTrain} train, ${r.nTest} test windows, ${r.epochs} epochs)\n`
  );
}

/** The final table: F1 mean ± sd per regime and the relative gain, per task, arch and budget. */
export function summaryTable(summary: readonly SummaryRow[], gains: readonly GainRow[]): string {
  const lines = ['task        arch         budget  scratch F1       pretrain F1      gain'];
  const cell = (s: SummaryRow | undefined) =>
    s === undefined ? '—'.padEnd(15) : `${fixed(s.mean.f1)} ± ${fixed(s.sd.f1)}`.padEnd(15);
  const keys = new Set(summary.map((s) => `${s.task}|${s.arch}|${s.budget}`));
  for (const key of keys) {
    const [task, arch, budget] = key.split('|');
    const pick = (regime: string) =>
      summary.find(
        (s) => s.task === task && s.arch === arch && String(s.budget) === budget && s.regime === regime,
      );
    const g = gains.find((x) => x.task === task && x.arch === arch && String(x.budget) === budget);
    const gain =
      g && Number.isFinite(g.gain.f1) ? `${g.gain.f1 >= 0 ? '+' : ''}${(g.gain.f1 * 100).toFixed(1)} %` : '—';
    lines.push(
      `${task.padEnd(11)} ${arch.padEnd(12)} ${budget.padStart(6)}  ${cell(pick('scratch'))}  ${cell(pick('pretrain'))}  ${gain}`,
    );
  }
  return lines.join('\n') + '\n';
}
