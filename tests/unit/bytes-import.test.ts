// The studio's in-memory import sources: WFDB files paired by path, orphans and unknown files listed.
import { describe, expect, it } from 'vitest';
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
