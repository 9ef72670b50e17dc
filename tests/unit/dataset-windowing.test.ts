// Windowing and the import pipeline: window counts, strides, short records, invalid samples and failing
// sources on made-up records; then real records (MIT-BIH 100, 201, 202, 203, 230 and CinC 2017) whose
// expected window counts per class are computed here independently from labels/rhythm_segments.csv and
// REFERENCE.csv.
import { describe, expect, it } from 'vitest';
import { resample } from '../../src/core/resample.ts';
import { CLASS_NAMES, type ClassName } from '../../src/core/units.ts';
import { wfdbAnnotationLabels } from '../../src/dataset/annotation-labels.ts';
import { buildImportedDataset, type ImportSource } from '../../src/dataset/build-import.ts';
import type { ImportRecord } from '../../src/dataset/import-types.ts';
import { summarizeImport } from '../../src/dataset/import-summary.ts';
import { parseLabelRule } from '../../src/dataset/label-rule.ts';
import { parsePatientMap } from '../../src/dataset/patient-map.ts';
import { parseReferenceLabels } from '../../src/dataset/reference-labels.ts';
import { DEFAULT_RHYTHM_CLASSES } from '../../src/dataset/rhythm-classes.ts';
import { planWindows } from '../../src/dataset/windowing.ts';
import { IoError } from '../../src/io/io-error.ts';
import { decodeAnnotations } from '../../src/io/wfdb-annotation.ts';
import { describeWithEcgData, readCsvRecords, readEcgBytes, readEcgText } from './helpers/ecg-data.ts';
import { readWfdbLead } from './helpers/real-records.ts';

const RULE = parseLabelRule('rhythm-majority:0.8,record');
const OPTIONS = { fsHz: 500, windowS: 10, strideS: 10, rule: RULE, rhythmClasses: DEFAULT_RHYTHM_CLASSES };

function record(over: Partial<ImportRecord> = {}): ImportRecord {
  const fsHz = over.fsHz ?? 250;
  return {
    record: 'r1',
    patient: 'p1',
    files: ['r1.hea'],
    lead: 'II',
    fsHz,
    signalMv: Float32Array.from({ length: 35 * fsHz }, (_, i) => Math.sin(i / 10)),
    rhythms: [{ label: '(N', startS: 0, endS: 35 }],
    beats: [],
    warnings: [],
    ...over,
  };
}

const source = (rec: ImportRecord | (() => ImportRecord)): ImportSource => ({
  name: typeof rec === 'function' ? 'bad.hea' : `${rec.record}.hea`,
  load: typeof rec === 'function' ? rec : () => rec,
});

describe('planWindows', () => {
  it('cuts back-to-back or strided windows at the output rate, start_s in source seconds', () => {
    const input = { nSamples: 35 * 500, rhythms: [{ label: '(N', startS: 0, endS: 35 }], beats: [] };
    const plan = planWindows(input, OPTIONS);
    expect(plan.windowSamples).toBe(5000);
    expect(plan.windows.map((w) => [w.startSample, w.startS, w.className])).toEqual([
      [0, 0, 'nsr'],
      [5000, 10, 'nsr'],
      [10000, 20, 'nsr'],
    ]);
    const strided = planWindows(input, { ...OPTIONS, strideS: 2.5 });
    expect(strided.windows.map((w) => w.startS)).toEqual([0, 2.5, 5, 7.5, 10, 12.5, 15, 17.5, 20, 22.5, 25]);
  });

  it('lists a short record, and skips windows with invalid samples or no class', () => {
    expect(planWindows({ nSamples: 4999, rhythms: [], beats: [] }, OPTIONS)).toMatchObject({
      windows: [],
      tooShort: 'shorter than one window (9.998 s < 10 s)',
    });
    const plan = planWindows(
      {
        nSamples: 30 * 500,
        rhythms: [
          { label: '(N', startS: 0, endS: 20 },
          { label: '(B', startS: 20, endS: 30 },
        ],
        beats: [],
        invalidSpans: [{ startS: 12, endS: 12.5 }],
      },
      OPTIONS,
    );
    expect(plan.windows.map((w) => w.startS)).toEqual([0]);
    expect(plan.skipped).toEqual([
      { startS: 10, reason: 'invalid (missing) samples in the window' },
      { startS: 20, reason: 'rhythm (B has no class: covers 100 %; no record label' },
    ]);
  });
});

describe('buildImportedDataset', () => {
  it('resamples, windows and keeps record and patient on every row; bad sources are skipped', async () => {
    const ds = await buildImportedDataset(
      [
        source(record()),
        source(() => {
          throw new IoError('truncated: 10 of 20 bytes', { file: 'bad.dat' });
        }),
        source(record({ record: 'short', signalMv: new Float32Array(9 * 250) })),
        source(record({ record: 'r1', patient: 'p2', fsHz: 360.5 })),
        source(
          record({ patient: 'p1', rhythms: [], recordLabel: { className: 'af', source: 'given by hand' } }),
        ),
      ],
      OPTIONS,
    );
    expect(ds.windowSamples).toBe(5000);
    expect(ds.rows.map((r) => [r.row, r.record, r.patient, r.className, r.startS])).toEqual([
      [0, 'r1', 'p1', 'nsr', 0],
      [1, 'r1', 'p1', 'nsr', 10],
      [2, 'r1', 'p1', 'nsr', 20],
      [3, 'r1-2', 'p1', 'af', 0],
      [4, 'r1-2', 'p1', 'af', 10],
      [5, 'r1-2', 'p1', 'af', 20],
    ]);
    expect(ds.skippedRecords).toEqual([
      { file: 'bad.hea', reason: 'bad.dat: truncated: 10 of 20 bytes' },
      { file: 'short', reason: 'shorter than one window (9 s < 10 s)' },
      { file: 'r1.hea', reason: 'r1: sampling rate 360.5 Hz is not a whole number of Hz' },
    ]);
    // The windows are the resampled lead, cut at their start samples.
    const full = resample(record().signalMv, 250, 500);
    expect(ds.chunks[0].subarray(5000, 10000)).toEqual(full.subarray(5000, 10000));
    const s = summarizeImport(ds);
    expect(s.perClass.nsr).toEqual({ windows: 3, records: 1, patients: 1 });
    expect(s.perClass.af).toEqual({ windows: 3, records: 1, patients: 1 });
    expect(s.patients).toBe(1);
  });

  it('band-passes after resampling when asked, and stops on abort', async () => {
    const offset = record({ signalMv: new Float32Array(35 * 250).fill(2) });
    const ds = await buildImportedDataset([source(offset)], {
      ...OPTIONS,
      bandpass: { lowHz: 0.5, highHz: 40 },
    });
    expect(Math.max(...ds.chunks[0].map(Math.abs))).toBeLessThan(1e-3);
    const signal = {
      aborted: true,
      throwIfAborted: () => {
        throw new Error('stop');
      },
    };
    await expect(buildImportedDataset([source(record())], { ...OPTIONS, signal })).rejects.toThrow('stop');
  });
});

/** A MIT-BIH record through the project's readers, as the pipeline sees it. */
function mitdbRecord(dataDir: string, relPath: string, patient: string): ImportRecord {
  const lead = readWfdbLead(dataDir, relPath, 0);
  const anns = decodeAnnotations(readEcgBytes(dataDir, `${relPath}.atr`));
  const labels = wfdbAnnotationLabels(anns, lead.fsHz, lead.signalMv.length);
  const name = relPath.split('/').pop() ?? relPath;
  return {
    record: name,
    patient,
    files: [relPath],
    lead: 'MLII',
    fsHz: lead.fsHz,
    signalMv: lead.signalMv,
    ...labels,
    warnings: [],
  };
}

/** Expected class of each 10-s window, from rhythm_segments.csv alone (null: skipped). */
function expectedWindows(
  dataDir: string,
  record: string,
  nSamples: number,
  fsHz: number,
): (ClassName | null)[] {
  const segs = readCsvRecords(dataDir, 'labels/rhythm_segments.csv').filter((r) => r.record === record);
  const count = Math.floor(nSamples / fsHz / 10);
  const out: (ClassName | null)[] = [];
  for (let k = 0; k < count; k++) {
    const cover = new Map<string, number>();
    for (const s of segs) {
      const overlap = Math.min(10 * k + 10, Number(s.end_s)) - Math.max(10 * k, Number(s.start_s));
      const key = DEFAULT_RHYTHM_CLASSES[s.rhythm] ?? s.rhythm;
      if (overlap > 0) cover.set(key, (cover.get(key) ?? 0) + overlap);
    }
    const best = [...cover.entries()].sort((a, b) => b[1] - a[1])[0];
    const cls = best !== undefined && best[1] >= 8 ? best[0] : null;
    out.push(cls !== null && (CLASS_NAMES as readonly string[]).includes(cls) ? (cls as ClassName) : null);
  }
  return out;
}

describeWithEcgData('import of real records', (dataDir) => {
  it('MIT-BIH 100, 201, 203, 230 at 500 Hz: window counts per class match rhythm_segments.csv', async () => {
    const paths = ['mitdb/original/100', 'mitdb/reencoded/201', 'mitdb/reencoded/203', 'mitdb/reencoded/230'];
    const records = paths.map((p) => mitdbRecord(dataDir, p, p));
    const ds = await buildImportedDataset(records.map(source), OPTIONS);
    for (const rec of records) {
      const expected = expectedWindows(dataDir, rec.record, rec.signalMv.length, rec.fsHz);
      expect(expected.length).toBe(180);
      const rows = ds.rows.filter((r) => r.record === rec.record);
      const got = Object.fromEntries(
        CLASS_NAMES.map((c) => [c, rows.filter((r) => r.className === c).length]),
      );
      const want = Object.fromEntries(CLASS_NAMES.map((c) => [c, expected.filter((e) => e === c).length]));
      expect(got, rec.record).toEqual(want);
      // Window by window, not just in total.
      const byStart = new Map(rows.map((r) => [r.startS, r.className]));
      expected.forEach((cls, k) =>
        expect(byStart.get(10 * k) ?? null, `${rec.record} @${10 * k}s`).toBe(cls),
      );
      const skipped = ds.skippedWindows.filter((w) => w.record === rec.record).length;
      expect(rows.length + skipped).toBe(180);
    }
    const s = summarizeImport(ds);
    expect(s.perClass.nsr.windows).toBeGreaterThan(180);
    expect(s.perClass.af.windows).toBeGreaterThan(50);
    expect(s.perClass.afl.windows).toBeGreaterThanOrEqual(25); // 203: 314 s of (AFL
    expect(s.perClass.wpw.windows).toBeGreaterThan(20); // 230: 741 s of (PREX, in short runs
    expect(ds.chunks.reduce((n, c) => n + c.length, 0)).toBe(ds.rows.length * 5000);
  });

  it('MIT-BIH 201 and 202 share one patient: their af windows count one patient, two records', async () => {
    const patients = parsePatientMap(readEcgText(dataDir, 'labels/patients.csv'));
    const paths = ['mitdb/reencoded/201', 'mitdb/reencoded/202', 'mitdb/reencoded/203'];
    const records = paths.map((p) => mitdbRecord(dataDir, p, patients.patientOf(`${dataDir}/${p}`) ?? p));
    const ds = await buildImportedDataset(records.map(source), OPTIONS);
    const patientOf = new Map(ds.rows.map((r) => [r.record, r.patient]));
    expect(patientOf.get('201')).toBe('mitdb-201');
    expect(patientOf.get('202')).toBe('mitdb-201');
    expect(patientOf.get('203')).toBe('mitdb-203');
    const s = summarizeImport(ds);
    expect(s.perClass.af.records).toBe(3);
    expect(s.perClass.af.patients).toBe(2);
    expect(s.patients).toBe(2);
  });

  it('CinC 2017: REFERENCE.csv labels N → nsr and A → af; O and ~ skipped; records < 10 s listed', async () => {
    const dir = 'cinc2017/validation';
    const reference = parseReferenceLabels(readEcgText(dataDir, `${dir}/REFERENCE.csv`));
    const names = [...reference.keys()];
    const records = names.map((name) => {
      const lead = readWfdbLead(dataDir, `${dir}/${name}`, 0);
      return record({
        record: name,
        patient: name,
        fsHz: lead.fsHz,
        signalMv: lead.signalMv,
        rhythms: [],
        recordLabel: reference.get(name),
      });
    });
    const ds = await buildImportedDataset(records.map(source), OPTIONS);
    const codes = Object.fromEntries(
      readEcgText(dataDir, `${dir}/REFERENCE.csv`)
        .trim()
        .split(/\r?\n/)
        .map((l) => l.split(',')),
    );
    const want: Record<string, number> = { nsr: 0, af: 0 };
    let skippedWindows = 0;
    let short = 0;
    for (const r of records) {
      expect(r.fsHz).toBe(300);
      const windows = Math.floor(r.signalMv.length / 3000);
      if (windows === 0) short++;
      if (codes[r.record] === 'N') want.nsr += windows;
      else if (codes[r.record] === 'A') want.af += windows;
      else skippedWindows += windows;
    }
    const s = summarizeImport(ds);
    expect(s.perClass.nsr.windows).toBe(want.nsr);
    expect(s.perClass.af.windows).toBe(want.af);
    expect(s.perClass.af.records).toBe(names.filter((n) => codes[n] === 'A').length);
    expect(s.perClass.afl.windows + s.perClass.pvc.windows + s.perClass.wpw.windows).toBe(0);
    expect(ds.skippedWindows.length).toBe(skippedWindows);
    expect(ds.skippedWindows.every((w) => /REFERENCE\.csv: (O|~)/.test(w.reason))).toBe(true);
    expect(ds.skippedRecords.length).toBe(short);
    expect(ds.skippedRecords.every((r) => r.reason.startsWith('shorter than one window'))).toBe(true);
  });
});
