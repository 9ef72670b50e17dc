// Fitting the beat model to a real record in Node: one template fit (MIT-BIH 100, normal beats, lead
// MLII at 360 Hz) and the whole 30-min record (beats, baseline, templates per rhythm segment and beat
// type, and every beat fitted on its own), median of timed repetitions after a warm-up. The studio's
// target is a 30-min record in under 5 s.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fitBeat, fitRecord } from '../src/analysis/fit/index.ts';
import { bytesImportSources } from '../src/dataset/bytes-import.ts';
import type { ImportRecord } from '../src/dataset/import-types.ts';
import { median } from './synth-rate.ts';

const TEMPLATE_WARM_UP = 3;
const TEMPLATE_REPETITIONS = 20;
const RECORD_REPETITIONS = 5;
const TARGET_RECORD_MS = 5000;

/** MIT-BIH record 100 as the import pipeline reads it, or null (with a note) without the data. */
async function record100(): Promise<ImportRecord | null> {
  const root = fileURLToPath(new URL('../', import.meta.url));
  const fromEnv = process.env.ECG_DATA_DIR;
  const dir = path.join(
    fromEnv ? path.resolve(fromEnv) : path.resolve(root, '../shared/ecg-data'),
    'mitdb/original',
  );
  if (!existsSync(path.join(dir, '100.hea'))) {
    process.stderr.write('bench fit: skipped, MIT-BIH 100 not found (set ECG_DATA_DIR)\n');
    return null;
  }
  const files = ['hea', 'dat', 'atr'].map((ext) => {
    const buf = readFileSync(path.join(dir, `100.${ext}`));
    return { name: `100.${ext}`, bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.length) };
  });
  return bytesImportSources(files, { lead: 'II' }).sources[0].load();
}

function timed(run: () => void, warmUp: number, repetitions: number): number {
  for (let i = 0; i < warmUp; i++) run();
  const times: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** `{"bench":"fit","case":"template"|"record30min",...,"medianMs"}` lines, or [] without the data. */
export async function benchFit(): Promise<object[]> {
  const record = await record100();
  if (record === null) return [];
  const durationS = record.signalMv.length / record.fsHz;
  const first = fitRecord(record, { perBeat: false });
  const t = first.templates.find((x) => x.segment === '(N' && x.beatType === 'N')!;
  const templateMs = timed(
    () => fitBeat(t.templateMv, record.fsHz, t.rIndex, { rrS: t.rrS }),
    TEMPLATE_WARM_UP,
    TEMPLATE_REPETITIONS,
  );
  let nBeatFits = 0;
  const recordMs = timed(
    () => {
      const fit = fitRecord(record);
      nBeatFits = fit.templates.reduce((s, x) => s + (x.beats?.n ?? 0), 0);
    },
    1,
    RECORD_REPETITIONS,
  );
  const templatesOnlyMs = timed(() => fitRecord(record, { perBeat: false }), 1, RECORD_REPETITIONS);
  return [
    {
      bench: 'fit',
      case: 'template',
      record: '100',
      fsHz: record.fsHz,
      windowSamples: t.fit.timeS.length,
      iterations: t.fit.iterations,
      medianMs: Number(templateMs.toFixed(2)),
    },
    {
      bench: 'fit',
      case: 'record30min',
      record: '100',
      durationS: Number(durationS.toFixed(1)),
      templates: first.templates.length,
      beatsFitted: nBeatFits,
      medianMs: Number(recordMs.toFixed(0)),
      perBeatUs: Number(((recordMs * 1000) / nBeatFits).toFixed(0)),
      targetMs: TARGET_RECORD_MS,
    },
    {
      bench: 'fit',
      case: 'record30minTemplatesOnly',
      record: '100',
      durationS: Number(durationS.toFixed(1)),
      medianMs: Number(templatesOnlyMs.toFixed(0)),
    },
  ];
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  for (const line of await benchFit()) process.stdout.write(`${JSON.stringify(line)}\n`);
}
