/**
 * `pqrst realism --class C --synthetic DIR --real DIR --out DIR [--no-classifier] [--seed K]
 * [--epochs N] [--max-windows N] [--backend auto|wasm|cpu] [--force] [--quiet]`: compares the synthetic
 * windows of class C with the real ones (src/analysis/realism) and writes `report.json` and the SVG
 * figures (intervals-rr/pr/qrs/qt.svg, spectrum.svg) to DIR.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { realismFiles, realismRun, type RealismReport } from '../analysis/realism/index.ts';
import { CLASS_NAMES } from '../core/units.ts';
import type { Trainer } from '../train/types.ts';
import { choiceFlag, numberFlag, parseFlags } from './args.ts';
import { CliError } from './cli-error.ts';
import { loadClassWindows } from './realism-load.ts';

const VALUE_FLAGS = [
  '--class',
  '--synthetic',
  '--real',
  '--out',
  '--seed',
  '--epochs',
  '--max-windows',
  '--backend',
];
const BOOLEAN_FLAGS = ['--no-classifier', '--force', '--quiet'];

function summaryText(r: RealismReport, outDir: string): string {
  const lines = [
    `class ${r.className}: ${r.real.nWindows} real windows (${r.real.fsHz} Hz), ${r.synthetic.nWindows} synthetic (${r.synthetic.fsHz} Hz)`,
  ];
  for (const [name, c] of Object.entries(r.intervals)) {
    const w = c.wasserstein === null ? 'n/a' : `${c.wasserstein.toFixed(1)} ms`;
    const m = (s: { mean: number }): string => (Number.isFinite(s.mean) ? s.mean.toFixed(0) : '—');
    lines.push(
      `  ${name.toUpperCase().padEnd(4)} Wasserstein ${w} (mean real ${m(c.real)} ms, synthetic ${m(c.synthetic)} ms)`,
    );
  }
  lines.push(`  spectrum MMD² ${r.spectrum.mmd2.toExponential(3)}`);
  const c = r.classifier;
  lines.push(
    'skipped' in c
      ? `  classifier: ${c.skipped}`
      : `  classifier AUROC ${c.auroc.toFixed(3)} on ${c.nTest} held-out windows (0.5 = indistinguishable)`,
  );
  lines.push(`wrote ${outDir}`);
  return lines.join('\n') + '\n';
}

/** Runs `pqrst realism` (see the module comment); returns the exit code. Bad input throws `CliError` (exit 2). */
export async function runRealism(argv: string[]): Promise<number> {
  const flags = parseFlags(argv, VALUE_FLAGS, BOOLEAN_FLAGS);
  const required = (name: string): string => {
    const v = flags.get(name);
    if (v === undefined || v.trim() === '') throw new CliError(name, 'required');
    return v;
  };
  if (!flags.has('--class')) throw new CliError('--class', 'required (nsr|af|afl|pvc|wpw)');
  const className = choiceFlag(flags, '--class', 'nsr', CLASS_NAMES);
  const syntheticDir = required('--synthetic');
  const realDir = required('--real');
  const outDir = path.resolve(required('--out'));
  const seed = numberFlag(flags, '--seed', 1, 0, 4294967295, true);
  const epochs = numberFlag(flags, '--epochs', 3, 1, 100, true);
  const maxWindows = numberFlag(flags, '--max-windows', 1000, 10, 1e6, true);
  const backend = choiceFlag(flags, '--backend', 'auto', ['auto', 'wasm', 'cpu'] as const);
  if (existsSync(outDir) && readdirSync(outDir).length > 0 && !flags.has('--force')) {
    throw new CliError('--out', `${outDir} exists and is not empty (--force replaces its report)`);
  }
  const real = loadClassWindows('--real', realDir, className);
  const synthetic = loadClassWindows('--synthetic', syntheticDir, className);
  const log = (text: string): void => {
    if (!flags.has('--quiet')) process.stderr.write(text);
  };
  log('pqrst realism: intervals and spectra…\n');
  let test: { trainer: Trainer } | { skipped: string } = { skipped: 'not run (--no-classifier)' };
  if (!flags.has('--no-classifier')) {
    const { createNodeTrainer } = await import('./tf-node.ts');
    test = { trainer: await createNodeTrainer(backend) };
  }
  let training = false;
  const report = await realismRun(className, real, synthetic, test, {
    maxWindows,
    seed,
    epochs,
    onProgress: (stage) => {
      if (stage !== 'classifier' || training) return;
      training = true;
      log('pqrst realism: classifier two-sample test…\n');
    },
  });
  const files = realismFiles(report);
  mkdirSync(outDir, { recursive: true });
  for (const name of Object.keys(files)) rmSync(path.join(outDir, name), { force: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(outDir, name), text);
  if (!flags.has('--quiet')) process.stdout.write(summaryText(report, outDir));
  return 0;
}
