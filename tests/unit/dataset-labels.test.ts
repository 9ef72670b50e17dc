// Label sources and rules of the real-ECG import: the rule text, rhythm → class map, per-window labelling,
// CinC 2017 REFERENCE.csv, #Dx SNOMED codes, patients.csv, lead choice, CSV label columns and the
// annotation → episode conversion for WFDB and EDF+.
import { describe, expect, it } from 'vitest';
import { edfAnnotationLabels, wfdbAnnotationLabels } from '../../src/dataset/annotation-labels.ts';
import { chooseLead } from '../../src/dataset/choose-lead.ts';
import { csvLabelColumn } from '../../src/dataset/csv-label-column.ts';
import { DEFAULT_LABEL_RULE, formatLabelRule, parseLabelRule } from '../../src/dataset/label-rule.ts';
import { labelWindow, type WindowLabelSources } from '../../src/dataset/label-window.ts';
import { parsePatientMap } from '../../src/dataset/patient-map.ts';
import { parseReferenceLabels } from '../../src/dataset/reference-labels.ts';
import { DEFAULT_RHYTHM_CLASSES, parseRhythmMap, rhythmClassOf } from '../../src/dataset/rhythm-classes.ts';
import {
  DEFAULT_SNOMED_CLASSES,
  dxRecordLabel,
  parseSnomedClasses,
} from '../../src/dataset/snomed-labels.ts';
import type { WfdbAnnotation } from '../../src/io/wfdb-annotation.ts';
import { describeWithEcgData, readEcgText } from './helpers/ecg-data.ts';

describe('label rules', () => {
  it('parses and formats the documented steps', () => {
    expect(parseLabelRule(DEFAULT_LABEL_RULE)).toEqual([
      { kind: 'rhythm-majority', minFraction: 0.8 },
      { kind: 'record' },
    ]);
    const rule = parseLabelRule('contains-beat:V|E=pvc, rhythm-majority:0.9');
    expect(rule).toEqual([
      { kind: 'contains-beat', symbols: ['V', 'E'], className: 'pvc' },
      { kind: 'rhythm-majority', minFraction: 0.9 },
    ]);
    expect(formatLabelRule(rule)).toBe('contains-beat:V|E=pvc,rhythm-majority:0.9');
    expect(parseLabelRule('rhythm-majority')).toEqual([{ kind: 'rhythm-majority', minFraction: 0.8 }]);
  });

  it('refuses unknown steps, bad fractions and classes, naming the step', () => {
    expect(() => parseLabelRule('')).toThrow(/empty/);
    expect(() => parseLabelRule('majority:0.8')).toThrow(/"majority:0.8": unknown step/);
    expect(() => parseLabelRule('rhythm-majority:0.3')).toThrow(/0.5 to 1/);
    expect(() => parseLabelRule('rhythm-majority:x')).toThrow(/0.5 to 1/);
    expect(() => parseLabelRule('contains-beat:V=vt')).toThrow(/"vt" is not one of/);
  });

  it('maps rhythm texts to classes, with a changeable map', () => {
    expect(rhythmClassOf('(AFIB\0', DEFAULT_RHYTHM_CLASSES)).toBe('af');
    expect(rhythmClassOf('(PREX', DEFAULT_RHYTHM_CLASSES)).toBe('wpw');
    expect(rhythmClassOf('(B', DEFAULT_RHYTHM_CLASSES)).toBeUndefined();
    expect(rhythmClassOf('AF', DEFAULT_RHYTHM_CLASSES)).toBe('af');
    const map = parseRhythmMap('(SBR=nsr,(N=none');
    expect(rhythmClassOf('(SBR', map)).toBe('nsr');
    expect(rhythmClassOf('(N', map)).toBeUndefined();
    expect(() => parseRhythmMap('(B=bigeminy')).toThrow(/\(B=bigeminy/);
  });
});

describe('labelWindow', () => {
  const sources = (over: Partial<WindowLabelSources> = {}): WindowLabelSources => ({
    rhythms: [
      { label: '(N', startS: 0, endS: 18 },
      { label: '(AFIB', startS: 18, endS: 40 },
      { label: '(B', startS: 40, endS: 60 },
      { label: '(SBR', startS: 60, endS: 65 },
      { label: '(N', startS: 65, endS: 70 },
    ],
    beats: [
      { symbol: 'N', timeS: 1 },
      { symbol: 'V', timeS: 12.5 },
      { symbol: 'N', timeS: 31 },
    ],
    rhythmClasses: DEFAULT_RHYTHM_CLASSES,
    ...over,
  });
  const majority = parseLabelRule('rhythm-majority:0.8');

  it('gives the class covering ≥ the fraction, else the reason with the shares', () => {
    expect(labelWindow(majority, sources(), 0, 10)).toEqual({ className: 'nsr' });
    expect(labelWindow(majority, sources(), 10, 20)).toEqual({ className: 'nsr' }); // 80 % exactly
    expect(labelWindow(majority, sources(), 11, 21)).toEqual({
      reason: 'no rhythm covers ≥ 80 %: nsr 70 %, af 30 %',
    });
    expect(labelWindow(majority, sources(), 20, 30)).toEqual({ className: 'af' });
    expect(labelWindow(majority, sources(), 45, 55)).toEqual({
      reason: 'rhythm (B has no class: covers 100 %',
    });
    expect(labelWindow(majority, sources(), 80, 90)).toEqual({
      reason: 'no rhythm annotation in the window',
    });
  });

  it('adds up labels of the same class ((SBR mapped to nsr joins (N)', () => {
    expect(labelWindow(majority, sources(), 60, 70).reason).toMatch(/\(SBR 50 %/);
    const withSbr = sources({ rhythmClasses: parseRhythmMap('(SBR=nsr') });
    expect(labelWindow(majority, withSbr, 60, 70)).toEqual({ className: 'nsr' });
  });

  it('contains-beat wins when first, and record labels fill in', () => {
    const rule = parseLabelRule('contains-beat:V=pvc,rhythm-majority:0.8,record');
    expect(labelWindow(rule, sources(), 10, 20)).toEqual({ className: 'pvc' });
    expect(labelWindow(rule, sources(), 0, 10)).toEqual({ className: 'nsr' });
    expect(labelWindow(rule, sources(), 12.5, 22.5)).toEqual({ className: 'pvc' }); // [start, end)
    expect(labelWindow(rule, sources(), 2.5, 12.5).className).toBe('nsr');
    const rec = sources({ rhythms: [], recordLabel: { className: 'af', source: 'REFERENCE.csv: A' } });
    expect(labelWindow(rule, rec, 30, 40)).toEqual({ className: 'af' });
    const none = sources({ rhythms: [], recordLabel: { source: 'REFERENCE.csv: O (other rhythm)' } });
    expect(labelWindow(rule, none, 30, 40)).toEqual({
      reason:
        'no V beat; no rhythm annotation in the window; record label has no class: REFERENCE.csv: O (other rhythm)',
    });
  });
});

describe('record-level labels', () => {
  it('REFERENCE.csv: N → nsr, A → af, O and ~ without class', () => {
    const labels = parseReferenceLabels('A00001,N\r\nA00002,A\nA00003,O\nA00004,~\n\n');
    expect(labels.get('A00001')).toEqual({ className: 'nsr', source: 'REFERENCE.csv: N (normal rhythm)' });
    expect(labels.get('A00002')?.className).toBe('af');
    expect(labels.get('A00003')).toEqual({ source: 'REFERENCE.csv: O (other rhythm)' });
    expect(labels.get('A00004')?.className).toBeUndefined();
    expect(parseReferenceLabels('record,label\nA1,A\n').get('A1')?.className).toBe('af');
    expect(() => parseReferenceLabels('A1,N\nA2,N,extra\n')).toThrow(/line 2/);
  });

  it('#Dx codes: one abnormal class wins over sinus rhythm; several abnormal classes give none', () => {
    expect(dxRecordLabel(['Age: 72', 'Dx: 427172004,164865005'])).toEqual({
      className: 'pvc',
      source: '#Dx: 427172004,164865005',
    });
    expect(dxRecordLabel(['Dx: 426783006,164889003'])?.className).toBe('af');
    expect(dxRecordLabel(['Dx: 426783006'])?.className).toBe('nsr');
    expect(dxRecordLabel(['Dx: 74390002'])?.className).toBe('wpw');
    expect(dxRecordLabel(['Dx: 17338001'])?.className).toBe('pvc');
    expect(dxRecordLabel(['Dx: 164890007'])?.className).toBe('afl');
    const both = dxRecordLabel(['Dx: 164889003,427172004']);
    expect(both?.className).toBeUndefined();
    expect(both?.source).toMatch(/several classes: af, pvc/);
    expect(dxRecordLabel(['Dx: 164865005'])).toEqual({ source: '#Dx: 164865005' });
    expect(dxRecordLabel(['Age: 50'])).toBeUndefined();
  });
});

describe('lead choice', () => {
  it('takes II or MLII, or the only signal of a single-lead record', () => {
    expect(chooseLead(['MLII', 'V1'], 'II')).toEqual({ index: 0, name: 'MLII' });
    expect(chooseLead(['V5', 'MLII'], 'II')).toEqual({ index: 1, name: 'MLII' });
    expect(chooseLead(['I', 'II', 'III', 'aVR'], 'MLII')).toEqual({ index: 1, name: 'II' });
    expect(chooseLead(['I', 'II', 'MLII'], 'MLII').index).toBe(2);
    expect(chooseLead(['ECG MLII'], 'II').index).toBe(0);
    expect(chooseLead(['ECG'], 'II')).toEqual({ index: 0, name: 'ECG' });
    expect(chooseLead(['I', 'II', 'V1'], 'v1').index).toBe(2);
  });

  it('says why a record has no such lead', () => {
    expect(chooseLead(['V1', 'V5'], 'II')).toEqual({ reason: 'no lead II (signals: V1, V5)' });
    expect(chooseLead(['V1'], 'II')).toEqual({ reason: 'the only signal is V1, not lead II' });
  });
});

describe('annotations and label columns → episodes', () => {
  it('WFDB: rhythm notes last to the next note or the end; beats by symbol', () => {
    const ann = (sample: number, symbol: string, aux = ''): WfdbAnnotation => ({
      sample,
      symbol,
      subtype: 0,
      chan: 0,
      num: 0,
      aux,
    });
    const labels = wfdbAnnotationLabels(
      [ann(0, '+', '(N\0'), ann(100, 'N'), ann(200, 'V'), ann(360, '+', '(AFIB'), ann(400, '~')],
      360,
      720,
    );
    expect(labels.rhythms).toEqual([
      { label: '(N', startS: 0, endS: 1 },
      { label: '(AFIB', startS: 1, endS: 2 },
    ]);
    expect(labels.beats).toEqual([
      { symbol: 'N', timeS: 100 / 360 },
      { symbol: 'V', timeS: 200 / 360 },
    ]);
  });

  it('EDF+: rhythm texts with or without duration, beat texts', () => {
    const labels = edfAnnotationLabels(
      [
        { onsetS: 0, text: '(N' },
        { onsetS: 12, text: '(PREX', durationS: 3 },
        { onsetS: 20, text: '(N' },
        { onsetS: 5, text: 'V' },
        { onsetS: 7, text: 'Recording starts' },
      ],
      60,
    );
    expect(labels.rhythms).toEqual([
      { label: '(N', startS: 0, endS: 12 },
      { label: '(PREX', startS: 12, endS: 15 },
      { label: '(N', startS: 20, endS: 60 },
    ]);
    expect(labels.beats).toEqual([{ symbol: 'V', timeS: 5 }]);
  });

  it('CSV: runs of the label column become episodes', () => {
    const text = 'time_s,II_mV,rhythm\n0,0.1,(N\n0.5,0.2,(N\n1,0.1,af\n1.5,0.1,af\n2,0,\n';
    expect(csvLabelColumn(text, 2)).toEqual([
      { label: '(N', startS: 0, endS: 1 },
      { label: 'af', startS: 1, endS: 2 },
    ]);
    expect(csvLabelColumn('t,II\n0,1\n', 2)).toBeUndefined();
    expect(() => csvLabelColumn('t,II\n0,1\n', 2, 'label')).toThrow(/no column "label"/);
    expect(csvLabelColumn('t;II;Class\n0;1;A\n', 2, 'class')).toEqual([{ label: 'A', startS: 0, endS: 0.5 }]);
  });
});

describe('patient maps', () => {
  it('matches trailing path segments, longest first; a plain two-column table works', () => {
    const map = parsePatientMap('record_path,patient\nmitdb/reencoded/201,p1\n201,p2\n');
    expect(map.size).toBe(2);
    expect(map.patientOf('/data/ecg/mitdb/reencoded/201.hea')).toBe('p1');
    expect(map.patientOf('C:\\data\\other\\201')).toBe('p2');
    expect(map.patientOf('/data/202')).toBeUndefined();
    const plain = parsePatientMap('100,alice\n101,alice\n');
    expect(plain.patientOf('x/101')).toBe('alice');
    expect(() => parsePatientMap('record,patient\n100,\n')).toThrow(/row 1/);
  });
});

describeWithEcgData('label tables of the ECG data folder', (dataDir) => {
  it('patients.csv: MIT-BIH 201 and 202 share a patient, others are their own', () => {
    const map = parsePatientMap(readEcgText(dataDir, 'labels/patients.csv'));
    expect(map.size).toBeGreaterThan(200);
    expect(map.patientOf(`${dataDir}/mitdb/reencoded/201`)).toBe('mitdb-201');
    expect(map.patientOf(`${dataDir}/mitdb/reencoded/202.hea`)).toBe('mitdb-201');
    expect(map.patientOf(`${dataDir}/mitdb/original/100`)).toBe('mitdb-100');
    expect(map.patientOf(`${dataDir}/cpsc2021/data_8_3`)).toBe(map.patientOf(`${dataDir}/cpsc2021/data_8_4`));
  });

  it('snomed_ct_map.csv gives exactly the documented code → class table', () => {
    const classes = parseSnomedClasses(readEcgText(dataDir, 'labels/snomed_ct_map.csv'));
    expect(classes).toEqual(DEFAULT_SNOMED_CLASSES);
    const withColumn = parseSnomedClasses('snomed_ct,dx,abbrev,class\n1,x,X,af\n164889003,af,AF,\n');
    expect(withColumn).toEqual({ '1': 'af', '164889003': 'af' });
  });
});
