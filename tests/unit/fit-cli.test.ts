// `pqrst fit`: the JSON per template (segment, beat type, beats, each wave's amplitude/width/position,
// RMS error and variance explained) for a synthetic WFDB record and a real MIT-BIH record, the preset
// file it writes (read back by the studio's preset parser), and the clear refusal of a record with no
// beats (exit 2).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/cli/cli-error.ts';
import { runFit } from '../../src/cli/fit.ts';
import { parsePresetFile } from '../../src/state/preset-file.ts';
import { describeWithEcgData } from './helpers/ecg-data.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/pqrst.js');
const work = mkdtempSync(join(tmpdir(), 'pqrst-fit-'));

function pqrst(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface TemplateJson {
  segment: string;
  beatType: string;
  nBeats: number;
  params: Record<string, { ampMv: number; widthS: number; positionS: number } | null>;
  rmsUv: number;
  varianceExplained: number;
}

describe('pqrst fit', () => {
  it('prints every template of a synthetic record and writes a preset the studio reads', () => {
    const out = join(work, 'nsr');
    const gen = ['generate', '--class', 'nsr', '--count', '1', '--seconds', '30', '--noise', 'none'];
    expect(pqrst(...gen, '--quiet', '--out', out).code).toBe(0);
    const presetPath = join(work, 'nsr-preset.json');
    const r = pqrst(
      'fit',
      join(out, 'wfdb/nsr_000000.hea'),
      '--lead',
      'II',
      '--json',
      '--preset-out',
      presetPath,
    );
    expect(r.code, r.stderr).toBe(0);
    const templates = JSON.parse(r.stdout) as TemplateJson[];
    expect(templates.length).toBe(1);
    const t = templates[0];
    expect(t.segment).toBe('(N');
    expect(t.beatType).toBe('N');
    expect(t.nBeats).toBeGreaterThan(20);
    expect(Object.keys(t.params)).toEqual(['P', 'Q', 'R', 'S', 'T']);
    for (const w of ['P', 'Q', 'R', 'S', 'T']) {
      expect(Object.keys(t.params[w]!)).toEqual(['ampMv', 'widthS', 'positionS']);
    }
    expect(t.params.R!.ampMv).toBeGreaterThan(0.5);
    expect(t.varianceExplained).toBeGreaterThan(0.99);
    expect(t.rmsUv).toBeLessThan(20);
    const preset = parsePresetFile('nsr-preset.json', readFileSync(presetPath, 'utf8'));
    expect(preset.className).toBe('nsr');
    expect(Math.abs(preset.rAmpMv - t.params.R!.ampMv)).toBeLessThan(0.2);
  });

  it('a record with no detectable beats: one line naming the file, exit 2', () => {
    const csv = join(work, 'flat.csv');
    const rows = ['time_s,ii_mv'];
    for (let i = 0; i < 2500; i++) rows.push(`${(i / 250).toFixed(3)},0`);
    writeFileSync(csv, rows.join('\n') + '\n');
    const r = pqrst('fit', csv, '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/flat\.csv: no beats detected in 10\.0 s of signal/);
  });

  it('bad flags are usage errors naming the flag', async () => {
    await expect(runFit([])).rejects.toThrow(/FILE: missing/);
    await expect(runFit(['x.hea', '--class', 'abc'])).rejects.toThrow(
      /--class: expected one of nsr\|af\|afl\|pvc\|wpw, got 'abc'/,
    );
    await expect(runFit(['x.hea', '--preset-out', 'p.json', '--templates-only'])).rejects.toThrow(
      /--preset-out: needs the per-beat fits/,
    );
    await expect(runFit(['a.hea', 'b.hea'])).rejects.toThrow(CliError);
  });
});

describeWithEcgData('pqrst fit on MIT-BIH', (dataDir) => {
  it('record 100: the normal-beat template explains ≥ 95 % of its variance', () => {
    const r = pqrst(
      'fit',
      join(dataDir, 'mitdb/original/100.hea'),
      '--lead',
      'II',
      '--json',
      '--templates-only',
    );
    expect(r.code, r.stderr).toBe(0);
    const templates = JSON.parse(r.stdout) as TemplateJson[];
    const n = templates.find((t) => t.segment === '(N' && t.beatType === 'N')!;
    expect(n.nBeats).toBeGreaterThan(2200);
    expect(n.varianceExplained).toBeGreaterThanOrEqual(0.95);
    expect(n.params.P).not.toBeNull();
  });
});
