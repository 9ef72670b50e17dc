// The CLI writes a reproducible dataset folder that the project's own readers (and numpy) read back.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeSignalCsv } from '../../src/io/csv-signal.ts';
import { decodeNpy } from '../../src/io/npy.ts';
import { decodeAnnotations } from '../../src/io/wfdb-annotation.ts';
import { parseHeader } from '../../src/io/wfdb-header.ts';
import { decodeFormat16, wfdbChecksum } from '../../src/io/wfdb-signal.ts';
import { DEFAULT_PARAMS, synthesize } from '../../src/synth/index.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/pqrst.js');
const work = mkdtempSync(join(tmpdir(), 'pqrst-cli-'));

function pqrst(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(dir, join(prefix, e.name)) : [join(prefix, e.name)],
  );
}

const COMMON = [
  '--class',
  'nsr',
  '--count',
  '4',
  '--seconds',
  '10',
  '--fs',
  '500',
  '--seed',
  '1000',
  '--quiet',
];

describe('pqrst generate', () => {
  for (const format of ['wfdb', 'npy', 'csv']) {
    it(`--format ${format}: the same arguments give byte-identical folders`, () => {
      const a = join(work, `${format}-a`);
      const b = join(work, `${format}-b`);
      expect(pqrst('generate', ...COMMON, '--format', format, '--out', a).code).toBe(0);
      expect(pqrst('generate', ...COMMON, '--format', format, '--out', b).code).toBe(0);
      const files = listFiles(a).sort();
      expect(listFiles(b).sort()).toEqual(files);
      for (const f of files) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
      expect(files).toEqual(expect.arrayContaining(['labels.csv', 'recipe.json', 'README.txt']));
    });
  }

  it('labels.csv has one row per record with the documented columns and record seeds', () => {
    const text = readFileSync(join(work, 'wfdb-a/labels.csv'), 'utf8').trim().split('\n');
    expect(text[0]).toBe('row,record,patient,class,seed,start_s,fs_hz,split');
    expect(text.slice(1)).toEqual([
      '0,nsr_000000,nsr_000000,nsr,1000,0,500,',
      '1,nsr_000001,nsr_000001,nsr,1001,0,500,',
      '2,nsr_000002,nsr_000002,nsr,1002,0,500,',
      '3,nsr_000003,nsr_000003,nsr,1003,0,500,',
    ]);
    const recipe = JSON.parse(readFileSync(join(work, 'wfdb-a/recipe.json'), 'utf8'));
    expect(recipe).toMatchObject({
      format: 'pqrst-recipe',
      recipeVersion: 2,
      seed: 1000,
      classes: [{ className: 'nsr', count: 4 }],
    });
    expect(typeof recipe.generatorVersion).toBe('string');
  });

  it('WFDB records read back: header fields, checksum, initial value, samples, beats and fiducials', () => {
    const dir = join(work, 'wfdb-a/wfdb');
    expect(readFileSync(join(dir, 'RECORDS'), 'utf8')).toBe(
      'nsr_000000\nnsr_000001\nnsr_000002\nnsr_000003\n',
    );
    for (let r = 0; r < 4; r++) {
      const name = `nsr_00000${r}`;
      const header = parseHeader(readFileSync(join(dir, `${name}.hea`), 'utf8'), `${name}.hea`);
      const sig = header.signals[0];
      expect(header).toMatchObject({ recordName: name, nSignals: 1, fsHz: 500, nSamples: 5000 });
      expect(sig).toMatchObject({ fileName: `${name}.dat`, format: 16, gainAdcPerUnit: 1000, units: 'mV' });
      expect(sig.description).toBe('II');
      const [adc] = decodeFormat16(new Uint8Array(readFileSync(join(dir, `${name}.dat`))), 1);
      expect(adc.length).toBe(5000);
      expect(sig.initialValue).toBe(adc[0]);
      expect(sig.checksum).toBe(wfdbChecksum(adc));
      // The samples are the synthesizer's output quantised to 1 µV.
      const rec = synthesize({ ...DEFAULT_PARAMS, seed: 1000 + r });
      for (let i = 0; i < 5000; i++)
        expect(Math.abs(adc[i] / 1000 - rec.signalMv[i])).toBeLessThanOrEqual(0.0005);
      const atr = decodeAnnotations(new Uint8Array(readFileSync(join(dir, `${name}.atr`))), `${name}.atr`);
      const beats = atr.filter((a) => a.symbol === 'N');
      expect(beats.map((a) => a.sample)).toEqual(Array.from(rec.rPeak));
      expect(atr.filter((a) => a.symbol === '+').map((a) => [a.sample, a.aux])).toEqual([[0, '(N']]);
      expect(atr.length).toBe(beats.length + 1);
      const fid = decodeAnnotations(new Uint8Array(readFileSync(join(dir, `${name}.fid`))), `${name}.fid`);
      expect(fid.filter((a) => a.symbol === 'p').length).toBeGreaterThanOrEqual(beats.length - 1);
      expect(fid.filter((a) => a.symbol === 't').length).toBeGreaterThanOrEqual(beats.length - 1);
      // Every R peak away from the record's ends has a QRS onset '(' num 1 within 150 ms before it and a
      // QRS offset ')' num 1 within 150 ms after it.
      const qrsOn = fid.filter((a) => a.symbol === '(' && a.num === 1).map((a) => a.sample);
      const qrsOff = fid.filter((a) => a.symbol === ')' && a.num === 1).map((a) => a.sample);
      for (const s of rec.rPeak) {
        if (s < 75 || s >= 5000 - 75) continue;
        expect(qrsOn.some((q) => q < s && q > s - 75)).toBe(true);
        expect(qrsOff.some((q) => q > s && q < s + 75)).toBe(true);
      }
    }
  });

  it('signals.npy is float32 [count, samples] in labels.csv order, equal to the synthesizer output', () => {
    const npy = decodeNpy(new Uint8Array(readFileSync(join(work, 'npy-a/signals.npy'))));
    expect(npy.dtype).toBe('<f4');
    expect(npy.shape).toEqual([4, 5000]);
    for (let r = 0; r < 4; r++) {
      const rec = synthesize({ ...DEFAULT_PARAMS, seed: 1000 + r });
      expect(npy.data.subarray(r * 5000, (r + 1) * 5000)).toEqual(rec.signalMv);
    }
  });

  const numpy = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!numpy)(
    'numpy loads signals.npy with the right shape and values [skipped without python3-numpy]',
    () => {
      const script = `import numpy as np, sys
x = np.load(sys.argv[1])
print(x.dtype, x.shape, x.flags['C_CONTIGUOUS'], repr(float(x[2, 1234])), repr(float(x.sum(dtype=np.float64))))`;
      const out = execFileSync('python3', ['-c', script, join(work, 'npy-a/signals.npy')], {
        encoding: 'utf8',
      });
      const [dtype, shape, contiguous, value, sum] = out.trim().split(/ (?=[^,)]*(?:\(|$))/);
      const rec2 = synthesize({ ...DEFAULT_PARAMS, seed: 1002 });
      let total = 0;
      for (let r = 0; r < 4; r++)
        for (const v of synthesize({ ...DEFAULT_PARAMS, seed: 1000 + r }).signalMv) total += v;
      expect(out).toContain('float32 (4, 5000) True');
      expect([dtype, shape, contiguous].join(' ')).toContain('float32');
      expect(Number(value)).toBe(rec2.signalMv[1234]);
      expect(Math.abs(Number(sum) - total)).toBeLessThan(1e-6);
    },
  );

  it('CSV files hold time_s,ii_mv with values that round-trip to the same float32', () => {
    const text = readFileSync(join(work, 'csv-a/csv/nsr_000001.csv'), 'utf8');
    expect(text.startsWith('time_s,ii_mv\n')).toBe(true);
    const { timeS, signalMv } = decodeSignalCsv(text, 'nsr_000001.csv');
    expect(signalMv).toEqual(synthesize({ ...DEFAULT_PARAMS, seed: 1001 }).signalMv);
    expect(timeS[500]).toBe(1);
  });

  it('a record seed from labels.csv reproduces that record alone with --count 1 --seed', () => {
    const out = join(work, 'one');
    expect(
      pqrst('generate', '--count', '1', '--seed', '1002', '--format', 'npy', '--quiet', '--out', out).code,
    ).toBe(0);
    const one = decodeNpy(new Uint8Array(readFileSync(join(out, 'signals.npy'))));
    const all = decodeNpy(new Uint8Array(readFileSync(join(work, 'npy-a/signals.npy'))));
    expect(one.data).toEqual(all.data.subarray(2 * 5000, 3 * 5000));
  });

  const badArgs: [string[], RegExp][] = [
    [['--count', '2', '--bogus', '1'], /^pqrst: --bogus: unknown flag$/],
    [['--fs', '0'], /^pqrst: --fs: expected an integer from 100 to 1000 Hz, got '0'$/],
    [['--count', '-1'], /^pqrst: --count: expected an integer/],
    [['--seconds', 'NaN'], /^pqrst: --seconds: expected a number from 1 to 600 s, got 'NaN'$/],
    [['--format', 'edf'], /^pqrst: --format: expected one of wfdb\|npy\|csv/],
    [['--out', '/dev/null/cannot'], /^pqrst: --out: cannot write into \/dev\/null\/cannot/],
    [['--count', '1'], /^pqrst: --out: required/],
  ];
  for (const [args, message] of badArgs) {
    it(`bad arguments ${args.join(' ')} → exit 2 and one line naming the flag`, () => {
      const withOut =
        args.includes('--out') || args.join(' ') === '--count 1'
          ? args
          : [...args, '--out', join(work, 'bad')];
      const r = pqrst('generate', ...withOut);
      expect(r.code).toBe(2);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr.trimEnd()).toMatch(message);
      expect(existsSync(join(work, 'bad'))).toBe(false);
    });
  }

  it('refuses to overwrite an existing folder without --force, and replaces it with --force', () => {
    const r = pqrst('generate', '--count', '1', '--out', join(work, 'wfdb-a'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out: .* already exists/);
    const out = join(work, 'forced');
    expect(pqrst('generate', '--count', '1', '--quiet', '--out', out).code).toBe(0);
    expect(pqrst('generate', '--count', '2', '--quiet', '--force', '--out', out).code).toBe(0);
    expect(readFileSync(join(out, 'labels.csv'), 'utf8').trim().split('\n')).toHaveLength(3);
  });

  it('an interrupted run leaves nothing that looks complete', async () => {
    const out = join(work, 'interrupted');
    const child = spawn(
      process.execPath,
      [BIN, 'generate', '--count', '2000000', '--format', 'npy', '--out', out],
      {
        cwd: ROOT,
      },
    );
    // Interrupt once the temporary folder exists (the run is under way).
    const started = Date.now();
    while (
      !readdirSync(work).some((n) => n.startsWith('.interrupted.partial')) &&
      Date.now() - started < 20_000
    ) {
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(130);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(work).filter((n) => n.includes('partial'))).toEqual([]);
  });
});
