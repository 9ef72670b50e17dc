// The studio's in-memory import sources: WFDB files paired by path, orphans and unknown files listed,
// labels from a REFERENCE.csv among the files or by hand, the annotator asked for, and the same record
// as the CLI's (one loader serves both).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectImportInputs, importSources } from '../../src/cli/import-files.ts';
import { bytesImportSources } from '../../src/dataset/bytes-import.ts';
import { describeWithEcgData, readEcgBytes } from './helpers/ecg-data.ts';

describe('bytesImportSources', () => {
  it('lists a signal file without its header and an unknown file type', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const { sources, skipped } = bytesImportSources(
      [
        { name: 'a/x.dat', bytes },
        { name: 'notes.txt', bytes },
      ],
      { lead: 'II' },
    );
    expect(sources).toEqual([]);
    expect(skipped.map((s) => s.file)).toEqual(['a/x.dat', 'notes.txt']);
    expect(skipped[0].reason).toContain('x.hea');
  });

  it('names a header whose signal file is missing', async () => {
    const header = new TextEncoder().encode('r 1 360 100\nr.dat 212 200 11 1024 0 0 0 MLII\n');
    const { sources } = bytesImportSources([{ name: 'r.hea', bytes: header }], { lead: 'II' });
    await expect(sources[0].load()).rejects.toThrow(/r\.dat/);
  });
});

describeWithEcgData('bytesImportSources on MIT-BIH 100', (dir) => {
  it('pairs .hea, .dat and .atr by name and reads the beats', async () => {
    const files = ['hea', 'dat', 'atr'].map((ext) => ({
      name: `mitdb/100.${ext}`,
      bytes: readEcgBytes(dir, `mitdb/original/100.${ext}`),
    }));
    const { sources, skipped } = bytesImportSources(files, { lead: 'II' });
    expect(skipped).toEqual([]);
    const rec = await sources[0].load();
    expect(rec).toMatchObject({ record: '100', lead: 'MLII', fsHz: 360 });
    expect(rec.signalMv.length).toBe(650_000);
    expect(rec.beats.length).toBe(2273);
    expect(rec.files).toEqual(['mitdb/100.hea', 'mitdb/100.dat', 'mitdb/100.atr']);
  });
});

describe('bytesImportSources: labels and annotator', () => {
  const csv = (n: number) => {
    let text = 'time_s,II_mV\n';
    for (let i = 0; i < n; i++) text += `${(i / 250).toFixed(3)},${Math.sin(i / 20).toFixed(4)}\n`;
    return new TextEncoder().encode(text);
  };

  it('labels a record by the reference.csv of its folder (any letter case), not by other folders', async () => {
    const { sources } = bytesImportSources(
      [
        { name: 'a/rec.csv', bytes: csv(500) },
        { name: 'a/reference.csv', bytes: new TextEncoder().encode('rec,A\n') },
        { name: 'b/other.csv', bytes: csv(500) },
      ],
      { lead: 'II' },
    );
    expect(sources.map((s) => s.name)).toEqual(['a/rec.csv', 'b/other.csv']);
    const [rec, other] = await Promise.all(sources.map((s) => s.load()));
    expect(rec.recordLabel).toMatchObject({ className: 'af' });
    expect(other.recordLabel).toBeUndefined();
  });

  it('a label given by hand wins over the reference table', async () => {
    const { sources } = bytesImportSources(
      [
        { name: 'rec.csv', bytes: csv(500) },
        { name: 'REFERENCE.csv', bytes: new TextEncoder().encode('rec,A\n') },
      ],
      { lead: 'II', handLabel: 'wpw' },
    );
    expect((await sources[0].load()).recordLabel).toEqual({ className: 'wpw', source: 'given by hand' });
  });
});

/** Whether `a` and `b` hold the same values (NaN equal to NaN). */
function sameValues(a: Float32Array, b: Float32Array): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

describeWithEcgData('one loader for the CLI and the studio', (dir) => {
  it('reads MIT-BIH 100 from disk (CLI) and from bytes (studio) identically', async () => {
    const base = path.join(dir, 'mitdb/original/100');
    const fromDisk = await importSources(collectImportInputs([`${base}.hea`]).inputs, {
      lead: 'II',
    })[0].load();
    const files = ['hea', 'dat', 'atr'].map((ext) => ({
      name: `original/100.${ext}`,
      bytes: readEcgBytes(dir, `mitdb/original/100.${ext}`),
    }));
    const fromBytes = await bytesImportSources(files, { lead: 'II' }).sources[0].load();
    expect(fromBytes.signalMv.length).toBe(650_000);
    expect(sameValues(fromBytes.signalMv, fromDisk.signalMv)).toBe(true);
    expect(fromBytes.beats).toEqual(fromDisk.beats);
    expect(fromBytes.rhythms).toEqual(fromDisk.rhythms);
    expect([fromBytes.lead, fromBytes.fsHz, fromBytes.record]).toEqual([fromDisk.lead, fromDisk.fsHz, '100']);
    expect(fromDisk.files).toEqual(['hea', 'dat', 'atr'].map((ext) => `${base}.${ext}`));
  });

  it('takes annotations from the annotator asked for', async () => {
    const files = [
      { name: '100.hea', bytes: readEcgBytes(dir, 'mitdb/original/100.hea') },
      { name: '100.dat', bytes: readEcgBytes(dir, 'mitdb/original/100.dat') },
      { name: '100.ann', bytes: readEcgBytes(dir, 'mitdb/original/100.atr') },
    ];
    const byDefault = bytesImportSources(files, { lead: 'II' });
    expect(byDefault.skipped).toEqual([]);
    expect((await byDefault.sources[0].load()).beats).toHaveLength(0);
    const ann = await bytesImportSources(files, { lead: 'II', annotator: 'ann' }).sources[0].load();
    expect(ann.beats).toHaveLength(2273);
    expect(ann.files).toEqual(['100.hea', '100.dat', '100.ann']);
  });
});
