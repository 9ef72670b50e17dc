// The studio's import session: reading once, then re-windowing the records read with new settings
// (window, rhythm map, hand labels, band-pass) without reading the files again; what could not be read
// stays listed.
import { describe, expect, it } from 'vitest';
import { parseLabelRule } from '../../src/dataset/label-rule.ts';
import {
  cachedLeadPreparer,
  ImportSession,
  type SessionWindowSettings,
} from '../../src/dataset/import-session.ts';
import { DEFAULT_RHYTHM_CLASSES, parseRhythmMap } from '../../src/dataset/rhythm-classes.ts';

/** A 30-s CSV at 250 Hz with a rhythm column: (N for 15 s, then (AFIB. */
function labelledCsv(): Uint8Array {
  let text = 'time_s,II_mV,rhythm\n';
  for (let i = 0; i < 30 * 250; i++) {
    text += `${(i / 250).toFixed(3)},${Math.sin(i / 20).toFixed(4)},${i < 15 * 250 ? '(N' : '(AFIB'}\n`;
  }
  return new TextEncoder().encode(text);
}

const FILES = [
  { name: 'd/good.csv', bytes: labelledCsv() },
  { name: 'd/broken.csv', bytes: new TextEncoder().encode('time_s,II_mV\n0,0.1\n0.004,abc\n') },
  { name: 'd/orphan.dat', bytes: new Uint8Array(10) },
];
const LOAD = { lead: 'II', annotator: 'atr' };
const WIN: SessionWindowSettings = {
  fsHz: 500,
  windowS: 10,
  strideS: 10,
  rule: parseLabelRule('rhythm-majority:0.8'),
  rhythmClasses: DEFAULT_RHYTHM_CLASSES,
  handLabels: {},
};

function classes(ds: { rows: { className: string }[] }): string[] {
  return ds.rows.map((r) => r.className);
}

describe('ImportSession', () => {
  it('re-windows the records read without reading them again', async () => {
    const session = new ImportSession();
    const first = await session.importFiles(FILES, LOAD, WIN);
    expect(classes(first)).toEqual(['nsr', 'af']); // the middle window is 50/50: skipped
    expect(session.recordsParsed).toBe(1);
    const skippedFiles = first.skippedRecords.map((s) => s.file);
    expect(skippedFiles).toEqual(['d/orphan.dat', 'd/broken.csv']);

    const stride = await session.rewindow({ ...WIN, strideS: 5 });
    expect(classes(stride)).toEqual(['nsr', 'nsr', 'af', 'af']);
    const shorter = await session.rewindow({ ...WIN, windowS: 5, strideS: 5 });
    expect(classes(shorter)).toEqual(['nsr', 'nsr', 'nsr', 'af', 'af', 'af']);
    const mapped = await session.rewindow({ ...WIN, rhythmClasses: parseRhythmMap('(N=afl,(AFIB=af', {}) });
    expect(classes(mapped)).toEqual(['afl', 'af']);
    const byHand = await session.rewindow({ ...WIN, handLabels: { good: 'wpw' } });
    expect(classes(byHand)).toEqual(['wpw', 'wpw', 'wpw']);
    expect(session.last?.settings.recordLabelSources[0]).toBe('given by hand: good=wpw');
    expect(session.recordsParsed).toBe(1);
    expect(byHand.skippedRecords.map((s) => s.file)).toEqual(skippedFiles);

    const longer = await session.rewindow({ ...WIN, windowS: 40, strideS: 40 });
    expect(longer.rows).toHaveLength(0);
    expect(longer.skippedRecords.map((s) => s.file)).toEqual([...skippedFiles, 'good']);
  });

  it('reads the kept files again for another lead, and keeps its import when a run is cancelled', async () => {
    const session = new ImportSession();
    await session.importFiles(FILES, LOAD, WIN);
    const controller = new AbortController();
    controller.abort();
    const V1 = { ...LOAD, lead: 'V1' };
    await expect(session.importFiles(null, V1, WIN, { signal: controller.signal })).rejects.toThrow();
    await expect(session.rewindow({ ...WIN, strideS: 5 }, { signal: controller.signal })).rejects.toThrow();
    expect(session.loaded).toHaveLength(1);
    expect(classes(session.last!.dataset)).toEqual(['nsr', 'af']);

    const v1 = await session.importFiles(null, V1, WIN);
    expect(v1.rows).toHaveLength(0);
    expect(v1.skippedRecords.find((s) => s.file === 'd/good.csv')?.reason).toMatch(/not lead V1/);
    expect(session.loaded).toHaveLength(0);
    expect(session.recordsParsed).toBe(1);
  });

  it('band-passes on request and resamples once per rate and band-pass', async () => {
    const session = new ImportSession();
    const plain = await session.importFiles(FILES, LOAD, WIN);
    const filtered = await session.rewindow({ ...WIN, bandpass: { lowHz: 0.5, highHz: 40 } });
    expect(filtered.rows).toHaveLength(plain.rows.length);
    expect(filtered.chunks[0]).not.toEqual(plain.chunks[0]);

    const prepare = cachedLeadPreparer();
    const rec = session.loaded[0];
    const a = prepare(rec, 500, {});
    expect(prepare(rec, 500, {})).toBe(a);
    const b = prepare(rec, 500, { bandpass: { lowHz: 0.5, highHz: 40 } });
    expect(b).not.toBe(a);
    expect(prepare(rec, 250, {}).signalMv.length).toBe(a.signalMv.length / 2);
  });
});
