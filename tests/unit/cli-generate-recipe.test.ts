// `pqrst generate --recipe`: multi-class recipes with a split, shards that concatenate to the whole run,
// bytes independent of --workers, the zip equal to the folder and passing `unzip -t`, files read back by
// our WFDB reader and by numpy, bad recipes refused naming the field, and flat memory in N.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetReadme } from '../../src/dataset/dataset-readme.ts';
import { buildRecipe, type RecipeChoices } from '../../src/dataset/recipe-build.ts';
import { rowInfo } from '../../src/dataset/recipe-rows.ts';
import { recipeJson } from '../../src/dataset/recipe-validate.ts';
import { decodeNpy } from '../../src/io/npy.ts';
import { decodeAnnotations } from '../../src/io/wfdb-annotation.ts';
import { parseHeader } from '../../src/io/wfdb-header.ts';
import { decodeFormat16 } from '../../src/io/wfdb-signal.ts';
import { readZipDirectory, zipEntryData } from '../../src/io/zip-read.ts';
import { synthesize } from '../../src/synth/index.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/pqrst.js');
const work = mkdtempSync(join(tmpdir(), 'pqrst-recipe-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const hasUnzip = spawnSync('unzip', ['-v']).status === 0;
const hasNumpy = spawnSync('python3', ['-c', 'import numpy']).status === 0;

function pqrst(args: string[], nodeArgs: string[] = []) {
  const r = spawnSync(process.execPath, [...nodeArgs, BIN, ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(dir, join(prefix, e.name)) : [join(prefix, e.name)]))
    .sort();
}

/** Every file of folder `b` equals `a`'s, and they have the same files. */
function expectSameFolders(a: string, b: string): void {
  const files = listFiles(a);
  expect(listFiles(b)).toEqual(files);
  for (const f of files) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
}

const CHOICES: RecipeChoices = {
  classes: [
    { className: 'nsr', count: 5 },
    { className: 'af', count: 4 },
    { className: 'pvc', count: 3, params: { pvcPattern: 'bigeminy' } },
  ],
  seed: 7000,
  durationS: 4,
  fsHz: 250,
  preset: 'default',
  noise: 'default',
  output: 'npy',
  split: { validationFraction: 0.25, seed: 11 },
};

function recipeFile(name: string, choices: Partial<RecipeChoices> = {}): string {
  const file = join(work, name);
  writeFileSync(file, recipeJson(buildRecipe({ ...CHOICES, ...choices })));
  return file;
}

function generate(recipe: string, out: string, ...more: string[]): void {
  const r = pqrst(['generate', '--recipe', recipe, '--out', join(work, out), '--quiet', ...more]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
}

describe('pqrst generate --recipe (npy)', () => {
  const recipe = recipeFile('npy.json');
  beforeAll(() => {
    generate(recipe, 'npy-w1', '--workers', '1');
    generate(recipe, 'npy-w2', '--workers', '2');
    generate(recipe, 'npy.zip', '--workers', '2');
    for (const i of [1, 2, 3]) generate(recipe, `npy-s${i}`, '--shard', `${i}/3`, '--workers', '2');
  }, 300_000);

  it('--workers 1 and --workers 2 give identical bytes', () => {
    expectSameFolders(join(work, 'npy-w1'), join(work, 'npy-w2'));
  });

  it('the zip holds exactly the folder, byte for byte', () => {
    const archive = new Uint8Array(readFileSync(join(work, 'npy.zip')));
    const dir = readZipDirectory(archive);
    expect(dir.entries.map((e) => e.path).sort()).toEqual(listFiles(join(work, 'npy-w1')));
    for (const e of dir.entries) {
      expect(
        Buffer.from(zipEntryData(archive, e)).equals(readFileSync(join(work, 'npy-w1', e.path))),
        e.path,
      ).toBe(true);
    }
  });

  it.skipIf(!hasUnzip)('the zip passes unzip -t [skipped without /usr/bin/unzip]', () => {
    const out = execFileSync('unzip', ['-t', join(work, 'npy.zip')], { encoding: 'utf8' });
    expect(out).toContain('No errors detected');
  });

  it('shards concatenate to the unsharded run: signals.npy rows and labels.csv rows', () => {
    const whole = decodeNpy(new Uint8Array(readFileSync(join(work, 'npy-w1/signals.npy'))));
    const parts = [1, 2, 3].map((i) =>
      decodeNpy(new Uint8Array(readFileSync(join(work, `npy-s${i}/signals.npy`)))),
    );
    expect(parts.map((p) => p.shape[0])).toEqual([4, 4, 4]);
    expect(new Float32Array(parts.flatMap((p) => Array.from(p.data)))).toEqual(whole.data);
    const lines = (dir: string) =>
      readFileSync(join(work, dir, 'labels.csv'), 'utf8')
        .trim()
        .split('\n');
    expect([1, 2, 3].flatMap((i) => lines(`npy-s${i}`).slice(1))).toEqual(lines('npy-w1').slice(1));
    for (const i of [1, 2, 3]) {
      expect(readFileSync(join(work, `npy-s${i}/recipe.json`)).equals(readFileSync(recipe))).toBe(true);
    }
  });

  it('labels.csv: rows in class order, record seeds, a stratified split', () => {
    const lines = readFileSync(join(work, 'npy-w1/labels.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('row,record,patient,class,seed,start_s,fs_hz,split');
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows.map((r) => r[1])).toEqual([
      ...[0, 1, 2, 3, 4].map((k) => `nsr_00000${k}`),
      ...[0, 1, 2, 3].map((k) => `af_00000${k}`),
      ...[0, 1, 2].map((k) => `pvc_00000${k}`),
    ]);
    expect(rows.map((r) => Number(r[4]))).toEqual([
      7000, 7001, 7002, 7003, 7004, 7000, 7001, 7002, 7003, 7000, 7001, 7002,
    ]);
    const validation = (c: string) => rows.filter((r) => r[3] === c && r[7] === 'validation').length;
    expect([validation('nsr'), validation('af'), validation('pvc')]).toEqual([1, 1, 1]);
    expect(rows.every((r) => r[7] === 'train' || r[7] === 'validation')).toBe(true);
  });

  it('a row seed reproduces that record alone with generate --class --count 1 --seed', () => {
    const out = join(work, 'one-af');
    const r = pqrst([
      'generate',
      '--class',
      'af',
      '--count',
      '1',
      '--seed',
      '7002',
      '--seconds',
      '4',
      '--fs',
      '250',
      '--format',
      'npy',
      '--quiet',
      '--out',
      out,
    ]);
    expect(r.code).toBe(0);
    const one = decodeNpy(new Uint8Array(readFileSync(join(out, 'signals.npy'))));
    const whole = decodeNpy(new Uint8Array(readFileSync(join(work, 'npy-w1/signals.npy'))));
    expect(one.data).toEqual(whole.data.subarray(7 * 1000, 8 * 1000)); // row 7 = af_000002
  });

  it.skipIf(!hasNumpy)(
    'numpy loads signals.npy and labels.csv, and the README snippet runs [skipped without numpy]',
    () => {
      const recipeObj = buildRecipe(CHOICES);
      const info = rowInfo(recipeObj, 10);
      const pvc = { ...recipeObj.classes[2].params, seed: info.seed };
      const expected = synthesize(pvc).signalMv;
      const script = `import csv, numpy as np, sys
x = np.load(sys.argv[1] + "/signals.npy")
rows = list(csv.DictReader(open(sys.argv[1] + "/labels.csv", newline="")))
print(x.dtype, x.shape, len(rows), rows[10]["record"], rows[10]["split"] in ("train", "validation"))
print(repr(float(x[10, 123])), repr(float(x[10].astype(np.float64).sum())))`;
      const out = execFileSync('python3', ['-c', script, join(work, 'npy-w1')], { encoding: 'utf8' })
        .trim()
        .split('\n');
      expect(out[0]).toBe('float32 (12, 1000) 12 pvc_000001 True');
      const [value, sum] = out[1].split(' ').map(Number);
      expect(value).toBe(expected[123]);
      expect(Math.abs(sum - expected.reduce((s, v) => s + v, 0))).toBeLessThan(1e-6);
      // The card's numpy snippet, as printed, runs in the folder.
      const readme = readFileSync(join(work, 'npy-w1/README.txt'), 'utf8');
      const snippet = readme
        .split('numpy:\n')[1]
        .split('\n\n')
        .slice(0, 2)
        .join('\n\n')
        .split('\n')
        .map((l) => l.replace(/^ {4}/, ''))
        .join('\n');
      const printed = execFileSync('python3', ['-c', snippet], {
        cwd: join(work, 'npy-w1'),
        encoding: 'utf8',
      });
      expect(printed.trim()).toBe('(12, 1000) float32 12 [5 4 3]');
    },
  );
});

const hasPython = spawnSync('python3', ['-c', 'pass']).status === 0;

describe('the dataset card', () => {
  it.skipIf(!hasPython)(
    'has Python snippets that compile, for every format [skipped without python3]',
    () => {
      for (const output of ['npy', 'wfdb', 'csv'] as const) {
        const readme = datasetReadme(buildRecipe({ ...CHOICES, output }));
        const python = readme.split('Load with Python')[1];
        const blocks = python
          .split(/\n(?=\S[^\n]*:\n)/)
          .filter((b) => b.startsWith('    ') === false && b.includes('\n    '));
        expect(blocks.length).toBe(output === 'wfdb' ? 3 : 2);
        for (const block of blocks) {
          const code = block
            .split('\n')
            .slice(1)
            .map((l) => l.replace(/^ {4}/, ''))
            .join('\n');
          const r = spawnSync('python3', ['-c', 'import sys; compile(sys.stdin.read(), "snippet", "exec")'], {
            input: code,
            encoding: 'utf8',
          });
          expect(r.stderr, `${output}: ${block.split('\n')[0]}`).toBe('');
          expect(r.status).toBe(0);
        }
      }
    },
  );
});

describe('pqrst generate --recipe (wfdb)', () => {
  const recipe = recipeFile('wfdb.json', { output: 'wfdb' });
  beforeAll(() => {
    generate(recipe, 'wfdb-w2', '--workers', '2');
    generate(recipe, 'wfdb-w1.zip', '--workers', '1');
  }, 300_000);

  it('the WFDB files read back with our reader, annotations included; the zip equals the folder', () => {
    const dir = join(work, 'wfdb-w2/wfdb');
    const recipeObj = buildRecipe({ ...CHOICES, output: 'wfdb' });
    for (const row of [0, 6, 10]) {
      const info = rowInfo(recipeObj, row);
      const params = {
        ...recipeObj.classes.find((c) => c.className === info.className)!.params,
        seed: info.seed,
      };
      const rec = synthesize(params);
      const header = parseHeader(readFileSync(join(dir, `${info.name}.hea`), 'utf8'), `${info.name}.hea`);
      expect(header).toMatchObject({ recordName: info.name, fsHz: 250, nSamples: 1000 });
      const [adc] = decodeFormat16(new Uint8Array(readFileSync(join(dir, `${info.name}.dat`))), 1);
      for (let i = 0; i < 1000; i += 7)
        expect(Math.abs(adc[i] / 1000 - rec.signalMv[i])).toBeLessThanOrEqual(0.0005);
      const atr = decodeAnnotations(
        new Uint8Array(readFileSync(join(dir, `${info.name}.atr`))),
        `${info.name}.atr`,
      );
      expect(atr.filter((a) => a.symbol !== '+').map((a) => a.sample)).toEqual(Array.from(rec.rPeak));
      expect(atr.filter((a) => a.symbol !== '+').map((a) => a.symbol)).toEqual(rec.beatSymbol);
      const rhythm = { nsr: '(N', af: '(AFIB', pvc: '(B' }[info.className as 'nsr' | 'af' | 'pvc'];
      expect(atr.find((a) => a.symbol === '+')?.aux).toBe(rhythm);
    }
    expect(readFileSync(join(dir, 'RECORDS'), 'utf8').trim().split('\n')).toHaveLength(12);
    const archive = new Uint8Array(readFileSync(join(work, 'wfdb-w1.zip')));
    const entries = readZipDirectory(archive).entries;
    expect(entries.map((e) => e.path).sort()).toEqual(listFiles(join(work, 'wfdb-w2')));
    for (const e of entries) {
      expect(
        Buffer.from(zipEntryData(archive, e)).equals(readFileSync(join(work, 'wfdb-w2', e.path))),
        e.path,
      ).toBe(true);
    }
    if (hasUnzip)
      expect(execFileSync('unzip', ['-t', join(work, 'wfdb-w1.zip')], { encoding: 'utf8' })).toContain(
        'No errors detected',
      );
  });
});

describe('pqrst generate: recipes from flags and bad recipes', () => {
  it('--recipe-out writes the recipe the flags describe; --recipe with it gives the same folder', () => {
    const flags = [
      '--class',
      'wpw,afl',
      '--count',
      '2',
      '--seconds',
      '3',
      '--fs',
      '200',
      '--seed',
      '9',
      '--format',
      'csv',
      '--split',
      '0.5',
    ];
    const file = join(work, 'flags.json');
    expect(pqrst(['generate', ...flags, '--recipe-out', file]).code).toBe(0);
    expect(existsSync(join(work, 'flags-a'))).toBe(false);
    expect(pqrst(['generate', ...flags, '--quiet', '--out', join(work, 'flags-a')]).code).toBe(0);
    generate(file, 'flags-b');
    expectSameFolders(join(work, 'flags-a'), join(work, 'flags-b'));
    expect(listFiles(join(work, 'flags-a'))).toContain('csv/wpw_000001.csv');
  });

  const bad: [string, (file: string) => string[], RegExp][] = [
    [
      '--class with --recipe',
      (f) => ['--recipe', f, '--class', 'af'],
      /^pqrst: --class: cannot be used with --recipe/,
    ],
    [
      '--seed with --recipe',
      (f) => ['--recipe', f, '--seed', '2'],
      /^pqrst: --seed: cannot be used with --recipe/,
    ],
    ['bad --shard', (f) => ['--recipe', f, '--shard', '4/3'], /^pqrst: --shard: expected i\/n/],
    [
      'bad --workers',
      (f) => ['--recipe', f, '--workers', '0'],
      /^pqrst: --workers: expected an integer from 1/,
    ],
  ];
  for (const [what, args, message] of bad) {
    it(`${what} → exit 2 naming the flag`, () => {
      const r = pqrst(['generate', ...args(recipeFile('ok.json')), '--out', join(work, 'never')]);
      expect(r.code).toBe(2);
      expect(r.stderr.trimEnd()).toMatch(message);
      expect(existsSync(join(work, 'never'))).toBe(false);
    });
  }

  it('a malformed recipe is refused naming the file and field; another version naming both versions', () => {
    const json = JSON.parse(recipeJson(buildRecipe(CHOICES)));
    json.classes[1].count = 2.5;
    const bad = join(work, 'bad.json');
    writeFileSync(bad, JSON.stringify(json));
    let r = pqrst(['generate', '--recipe', bad, '--out', join(work, 'never')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd()).toBe(
      `pqrst: --recipe: ${bad}: classes[1].count: expected an integer from 0 to 10000000, got 2.5`,
    );
    json.classes[1].count = 2;
    json.generatorVersion = '0.0.1';
    writeFileSync(bad, JSON.stringify(json));
    r = pqrst(['generate', '--recipe', bad, '--out', join(work, 'never')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /generatorVersion: this recipe was made by generator version 0\.0\.1, but this is generator version \d/,
    );
    expect(existsSync(join(work, 'never'))).toBe(false);
  });
});

describe('pqrst generate --zip: interrupted', () => {
  it('Ctrl-C removes the partial archive (exit 130)', async () => {
    const out = join(work, 'stopped.zip');
    const child = spawn(
      process.execPath,
      [BIN, 'generate', '--count', '2000000', '--format', 'npy', '--zip', '--out', out],
      {
        cwd: ROOT,
      },
    );
    const started = Date.now();
    while (
      !readdirSync(work).some((n) => n.startsWith('.stopped.zip.partial')) &&
      Date.now() - started < 30_000
    ) {
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 500)); // into the run
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(130);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(work).filter((n) => n.includes('partial'))).toEqual([]);
  }, 60_000);
});

describe('pqrst generate: memory', () => {
  // Peak resident memory of the whole process (main thread and workers) at two sizes.
  const MAX_RSS =
    "data:text/javascript,process.on('exit',()=>process.stderr.write('maxRSS '+process.resourceUsage().maxRSS+'\\n'))";
  function peakKb(count: number): number {
    const out = join(work, `mem-${count}.zip`);
    const r = pqrst(
      [
        'generate',
        '--count',
        String(count),
        '--seconds',
        '10',
        '--fs',
        '500',
        '--format',
        'npy',
        '--zip',
        '--workers',
        '2',
        '--quiet',
        '--out',
        out,
      ],
      ['--import', MAX_RSS],
    );
    expect(r.code).toBe(0);
    rmSync(out);
    return Number(/maxRSS (\d+)/.exec(r.stderr)![1]);
  }

  it('exporting 20,000 records of 10 s at 500 Hz peaks at the memory of 2,000 (flat in N)', () => {
    const small = peakKb(2_000);
    const large = peakKb(20_000);
    console.log(
      `peak RSS: 2,000 records ${(small / 1024).toFixed(0)} MiB, 20,000 records ${(large / 1024).toFixed(0)} MiB`,
    );
    // 10x the records is 343 MiB more signal data; memory may grow by V8's heap sizing, not with N.
    expect(large - small).toBeLessThan(48 * 1024);
  }, 240_000);
});
