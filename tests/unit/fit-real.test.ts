// Fits of real MIT-BIH beats (development records of the Arrhythmia Database, lead MLII, whole
// 30-min records read with the import pipeline's loaders): the normal-beat template of every record
// is explained to ≥ 95 % of its variance (106's PVC template to ≥ 90 %); per-beat fits of record 100
// too; the WPW record 230 gets a delta wave only in its pre-excited segment; the AF segment of 201 gets
// f-waves and no P wave.
import { beforeAll, expect, it } from 'vitest';
import { fitRecord, type RecordFit, type TemplateResult } from '../../src/analysis/fit/index.ts';
import { bytesImportSources } from '../../src/dataset/bytes-import.ts';
import type { ImportRecord } from '../../src/dataset/import-types.ts';
import { describeWithEcgData, readEcgBytes } from './helpers/ecg-data.ts';

/** A WFDB record of the data folder (header, signals, annotations) loaded as the import pipeline does. */
async function loadMitdb(dataDir: string, record: string): Promise<ImportRecord> {
  const files = ['hea', 'dat', 'atr'].map((ext) => ({
    name: `${record}.${ext}`,
    bytes: readEcgBytes(dataDir, `${record}.${ext}`),
  }));
  const { sources } = bytesImportSources(files, { lead: 'II' });
  return sources[0].load();
}

function template(fit: RecordFit, segment: string, beatType = 'N'): TemplateResult {
  const t = fit.templates.find((x) => x.segment === segment && x.beatType === beatType);
  if (t === undefined) throw new Error(`no ${segment} ${beatType} template`);
  return t;
}

describeWithEcgData('fits of real MIT-BIH beats', (dataDir) => {
  const fits = new Map<string, RecordFit>();
  beforeAll(async () => {
    for (const r of ['original/100', 'original/103', 'original/105', 'original/106']) {
      fits.set(r, fitRecord(await loadMitdb(dataDir, `mitdb/${r}`), { perBeat: r === 'original/100' }));
    }
    for (const r of ['reencoded/201', 'reencoded/230']) {
      fits.set(r, fitRecord(await loadMitdb(dataDir, `mitdb/${r}`), { perBeat: false }));
    }
  }, 120_000);

  it('normal-beat templates of records 100, 103, 105, 106 explain ≥ 95 % of their variance', () => {
    for (const r of ['original/100', 'original/103', 'original/105', 'original/106']) {
      const t = template(fits.get(r)!, '(N');
      expect(t.nBeats, r).toBeGreaterThan(1000);
      expect(t.fit.varianceExplained, r).toBeGreaterThanOrEqual(0.95);
      expect(t.fit.params.P, `${r} has a P wave`).not.toBeNull();
      expect(t.fit.params.R.ampMv, r).toBeGreaterThan(0.5);
    }
  });

  it('record 106: the template of its PVCs (no P wave, a QRS too bizarre for 5 Gaussians) explains ≥ 90 %', () => {
    const v = template(fits.get('original/106')!, '(N', 'V');
    expect(v.nBeats).toBeGreaterThan(100);
    expect(v.fit.params.P).toBeNull();
    expect(v.fit.varianceExplained).toBeGreaterThanOrEqual(0.9);
  });

  it('record 100: per-beat fits explain ≥ 95 % of the variance of the median beat', () => {
    const beats = template(fits.get('original/100')!, '(N').beats!;
    expect(beats.n).toBeGreaterThan(2200);
    const ve = Array.from(beats.varianceExplained).sort((a, b) => a - b);
    expect(ve[ve.length >> 1]).toBeGreaterThanOrEqual(0.95);
    expect(ve.filter((v) => v >= 0.8).length / ve.length).toBeGreaterThan(0.95);
  });

  it('record 230 (WPW): a delta wave in the (PREX segment, none in its (N segment', () => {
    const fit = fits.get('reencoded/230')!;
    const prex = template(fit, '(PREX');
    const delta = prex.fit.params.delta!;
    expect(prex.fit.varianceExplained).toBeGreaterThanOrEqual(0.95);
    expect(delta.ampMv).toBeGreaterThan(0.1);
    expect(delta.durationS).toBeGreaterThan(0.02);
    expect(delta.durationS).toBeLessThan(0.09);
    expect(prex.fit.params.Q).toBeNull();
    expect(template(fit, '(N').fit.params.delta).toBeUndefined();
  });

  it('record 201 (AF): no P wave in the (AFIB segment, f-waves of 4-9 Hz, 0.01-0.2 mV', () => {
    const af = template(fits.get('reencoded/201')!, '(AFIB');
    expect(af.fit.params.P).toBeNull();
    expect(af.fit.varianceExplained).toBeGreaterThanOrEqual(0.95);
    expect(af.fWaves!.windows.length).toBeGreaterThan(30);
    expect(af.fWaves!.freqHz).toBeGreaterThan(4);
    expect(af.fWaves!.freqHz).toBeLessThan(9);
    expect(af.fWaves!.ampMv).toBeGreaterThan(0.01);
    expect(af.fWaves!.ampMv).toBeLessThan(0.2);
  });
});
