// `pqrst realism` on dataset folders written by `pqrst generate --format npy`: report.json with the
// four interval comparisons, the spectrum and the classifier test, the five SVG figures, and usage
// errors that name the flag and the reason.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RealismReport } from '../../src/analysis/realism/index.ts';
import { runRealism } from '../../src/cli/realism.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/pqrst.js');
const work = mkdtempSync(join(tmpdir(), 'pqrst-realism-'));
const a = join(work, 'a');
const b = join(work, 'b');

function generate(out: string, seed: number): void {
  const args = ['generate', '--class', 'nsr', '--count', '40', '--fs', '250', '--format', 'npy'];
  const r = spawnSync(process.execPath, [BIN, ...args, '--seed', String(seed), '--quiet', '--out', out], {
    encoding: 'utf8',
    cwd: ROOT,
  });
  if (r.status !== 0) throw new Error(r.stderr);
}

beforeAll(() => {
  generate(a, 1);
  generate(b, 5000);
}, 120_000);

describe('pqrst realism', () => {
  it('writes report.json and the five figures (with the classifier test)', async () => {
    const out = join(work, 'report');
    const argv = ['--class', 'nsr', '--synthetic', a, '--real', b, '--out', out, '--quiet'];
    expect(await runRealism(argv)).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as RealismReport;
    expect(report.className).toBe('nsr');
    expect(report.real.nWindows).toBe(40);
    expect(report.synthetic.fsHz).toBe(250);
    for (const name of ['rr', 'pr', 'qrs', 'qt'] as const) {
      expect(report.intervals[name].real.n).toBeGreaterThan(30);
      expect(report.intervals[name].wasserstein).toBeGreaterThanOrEqual(0);
      expect(existsSync(join(out, `intervals-${name}.svg`))).toBe(true);
    }
    expect(report.spectrum.freqHz.length).toBe(80);
    expect('auroc' in report.classifier && report.classifier.nTest).toBeGreaterThan(0);
    expect(readFileSync(join(out, 'spectrum.svg'), 'utf8')).toContain('frequency (Hz)');
    // The same recipe on both sides: distances are small.
    expect(report.intervals.qrs.wasserstein!).toBeLessThan(10);
  }, 120_000);

  it('--no-classifier says so in the report; an existing report needs --force', async () => {
    const out = join(work, 'quick');
    const argv = [
      '--class',
      'nsr',
      '--synthetic',
      a,
      '--real',
      b,
      '--out',
      out,
      '--quiet',
      '--no-classifier',
    ];
    expect(await runRealism(argv)).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as RealismReport;
    expect(report.classifier).toEqual({ skipped: 'not run (--no-classifier)' });
    await expect(runRealism(argv)).rejects.toThrow(/--out: .* exists and is not empty/);
    expect(await runRealism([...argv, '--force'])).toBe(0);
  });

  it('bad input names the flag and the reason', async () => {
    const base = ['--synthetic', a, '--real', b, '--out', join(work, 'x')];
    await expect(runRealism(base)).rejects.toThrow(/--class: required/);
    await expect(runRealism(['--class', 'af', ...base])).rejects.toThrow(
      /--real: .* has no windows of class af \(it holds: nsr 40\)/,
    );
    await expect(
      runRealism(['--class', 'nsr', ...base.slice(0, 2), '--real', work, '--out', 'y']),
    ).rejects.toThrow(/--real: .* has no signals\.npy/);
  });
});
