import { describe, expect, it } from 'vitest';
import { IoError } from '../../src/io/io-error.ts';
import { formatHeader, parseHeader, type WfdbHeader } from '../../src/io/wfdb-header.ts';
import { describeWithEcgData, readEcgText } from './helpers/ecg-data.ts';

/** Catches the IoError thrown by `fn` (failing the test when it throws something else or nothing). */
function ioErrorOf(fn: () => unknown): IoError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(IoError);
    return e as IoError;
  }
  throw new Error('expected an IoError');
}

describe('parseHeader: record line and defaults (header(5))', () => {
  const text = [
    '# unnecessary comment',
    '100 2 360 650000',
    '100.dat 212 200 11 1024 995 -22131 0 MLII',
    '',
    '100.dat 212 200 11 1024 1011 20052 0 V5',
    '# 69 M 1085 1629 x1',
    '#Aldomet, Inderal',
  ].join('\n');

  it('reads the record line, the signal fields and the comments anywhere in the file', () => {
    const h = parseHeader(text, '100.hea');
    expect(h).toMatchObject({ recordName: '100', nSignals: 2, fsHz: 360, nSamples: 650000 });
    expect(h.baseTime).toBeUndefined();
    expect(h.comments).toEqual(['unnecessary comment', '69 M 1085 1629 x1', 'Aldomet, Inderal']);
    expect(h.signals[1]).toEqual({
      fileName: '100.dat',
      format: 212,
      samplesPerFrame: 1,
      skew: 0,
      byteOffset: 0,
      gainAdcPerUnit: 200,
      baselineAdc: 1024, // no "(baseline)": the baseline is the ADC zero
      units: 'mV', // no "/units": millivolts
      adcResolutionBits: 11,
      adcZero: 1024,
      initialValue: 1011,
      checksum: 20052,
      blockSizeBytes: 0,
      description: 'V5',
    });
  });

  it('accepts CRLF line ends, tabs between fields, trailing spaces and a leading BOM', () => {
    const h = parseHeader('\uFEFFA00002\t1 300 9000 \r\nA00002.mat 16+24 1000/mV 16 0 128 0 0 ECG \r\n');
    expect(h.recordName).toBe('A00002');
    expect(h.signals[0]).toMatchObject({ byteOffset: 24, gainAdcPerUnit: 1000, description: 'ECG' });
  });

  it('defaults the frequency to 250 Hz and the sample count to 0 (unspecified)', () => {
    const h = parseHeader('rec 1\nrec.dat 16\n');
    expect(h.fsHz).toBe(250);
    expect(h.nSamples).toBe(0);
  });

  it('reads counter frequency, base counter value, base time and base date', () => {
    const h = parseHeader('rec 1 360/3(-12.5) 1000 17:27:45.5 15/08/1994\nrec.dat 16\n');
    expect(h).toMatchObject({ fsHz: 360, counterFreqHz: 3, baseCounter: -12.5, nSamples: 1000 });
    expect(h).toMatchObject({ baseTime: '17:27:45.5', baseDate: '15/08/1994' });
  });

  it('tolerates a date written before the time, as CinC 2017 and 2020 headers do', () => {
    expect(parseHeader('A00002 0 300 9000 2014-05-16 11:05:25\n')).toMatchObject({
      baseDate: '2014-05-16',
      baseTime: '11:05:25',
    });
    expect(parseHeader('E00009 0 500 5000 05-May-2020 14:50:55\n')).toMatchObject({
      baseDate: '05-May-2020',
      baseTime: '14:50:55',
    });
  });
});

describe('parseHeader: signal line fields', () => {
  const one = (line: string) => parseHeader(`r 1 360 10\n${line}\n`).signals[0];

  it('splits the format field into format, samples per frame (x), skew (:) and byte offset (+)', () => {
    expect(one('a.mat 16+24')).toMatchObject({ format: 16, samplesPerFrame: 1, skew: 0, byteOffset: 24 });
    expect(one('a.dat 212x4')).toMatchObject({ format: 212, samplesPerFrame: 4, skew: 0, byteOffset: 0 });
    expect(one('a.dat 212:4')).toMatchObject({ format: 212, samplesPerFrame: 1, skew: 4, byteOffset: 0 });
    expect(one('a.mat 16x1+24')).toMatchObject({ samplesPerFrame: 1, byteOffset: 24 });
    expect(one('s.dat 16x2:100+512')).toMatchObject({ samplesPerFrame: 2, skew: 100, byteOffset: 512 });
  });

  it('reads gain, baseline and units, with 200 for a missing or zero gain', () => {
    expect(one('a 16 12.84(-1605)/mmHg')).toMatchObject({
      gainAdcPerUnit: 12.84,
      baselineAdc: -1605,
      units: 'mmHg',
    });
    expect(one('a 16 1.052e+04/NU')).toMatchObject({ gainAdcPerUnit: 10520, units: 'NU' });
    expect(one('a 16 1000.0(0)/mV 16 5')).toMatchObject({ gainAdcPerUnit: 1000, baselineAdc: 0, adcZero: 5 });
    expect(one('a 16 2000 12 0')).toMatchObject({ gainAdcPerUnit: 2000, units: 'mV' });
    expect(one('a 16 0/mV')).toMatchObject({ gainAdcPerUnit: 200 });
    expect(one('a 16')).toMatchObject({ gainAdcPerUnit: 200, baselineAdc: 0, units: 'mV' });
    expect(one('a 16 -400/mV')).toMatchObject({ gainAdcPerUnit: -400 }); // an inverted lead
  });

  it('defaults the ADC resolution by format when missing or 0', () => {
    expect(one('a 80').adcResolutionBits).toBe(8);
    expect(one('a 160').adcResolutionBits).toBe(16);
    expect(one('a 212').adcResolutionBits).toBe(12);
    expect(one('a 310').adcResolutionBits).toBe(10);
    expect(one('a 311 200 0').adcResolutionBits).toBe(10);
    expect(one('a 16').adcResolutionBits).toBe(12);
    expect(one('a 16 200 16').adcResolutionBits).toBe(16);
  });

  it('defaults ADC zero to 0 and the initial value to the ADC zero; no checksum field gives undefined', () => {
    const s = one('a 16 200 12 7');
    expect(s).toMatchObject({
      adcZero: 7,
      initialValue: 7,
      baselineAdc: 7,
      blockSizeBytes: 0,
      description: '',
    });
    expect(s.checksum).toBeUndefined();
  });

  it('keeps checksums as written (some writers store them unsigned) and descriptions with spaces', () => {
    const s = one('d.dat 16 30061.276794035417(-161790)/mV 16 0 -10581 64292 0 sig 0, fmt  8');
    expect(s).toMatchObject({ baselineAdc: -161790, checksum: 64292, description: 'sig 0, fmt  8' });
    expect(s.gainAdcPerUnit).toBe(30061.276794035417);
  });

  it('ignores extra signal lines beyond the announced count', () => {
    expect(parseHeader('r 1\na 16\nb 16\n').signals.map((s) => s.fileName)).toEqual(['a']);
  });
});

describe('parseHeader: errors', () => {
  it('names the file and field of a malformed value', () => {
    const e = ioErrorOf(() => parseHeader('r 1 360 10\na.dat 16 abc/mV\n', 'r.hea'));
    expect(e.file).toBe('r.hea');
    expect(e.field).toBe('signal 0 gain');
    expect(e.message).toMatch(/^r\.hea, signal 0 gain: .*abc/);
    expect(ioErrorOf(() => parseHeader('r 1\na.dat 16y2\n')).field).toBe('signal 0 format');
    expect(ioErrorOf(() => parseHeader('r 1 0\na.dat 16\n')).field).toBe('sampling frequency');
    expect(ioErrorOf(() => parseHeader('r x\n')).field).toBe('number of signals');
  });

  it('refuses too few signal lines, an empty header and multi-segment records', () => {
    expect(ioErrorOf(() => parseHeader('r 2 360\na.dat 16\n')).message).toMatch(/announces 2 signals but 1/);
    expect(ioErrorOf(() => parseHeader('# only a comment\n')).field).toBe('record line');
    expect(ioErrorOf(() => parseHeader('multi/3 2 360 1000\n')).message).toMatch(/multi-segment/);
  });
});

function exampleHeader(): WfdbHeader {
  return {
    recordName: 'pqrst_0001',
    nSignals: 1,
    fsHz: 500,
    nSamples: 5000,
    signals: [
      {
        fileName: 'pqrst_0001.dat',
        format: 16,
        samplesPerFrame: 1,
        skew: 0,
        byteOffset: 0,
        gainAdcPerUnit: 1000,
        baselineAdc: 0,
        units: 'mV',
        adcResolutionBits: 16,
        adcZero: 0,
        initialValue: -12,
        checksum: -5443,
        blockSizeBytes: 0,
        description: 'II',
      },
    ],
    comments: ['generator: PQRST Studio', 'class: nsr'],
  };
}

describe('formatHeader', () => {
  it('writes the documented single-lead form', () => {
    expect(formatHeader(exampleHeader())).toBe(
      'pqrst_0001 1 500 5000\n' +
        'pqrst_0001.dat 16 1000/mV 16 0 -12 -5443 0 II\n' +
        '# generator: PQRST Studio\n' +
        '# class: nsr\n',
    );
  });

  it('writes baseline, format suffixes, counter frequency, base time and date only when needed', () => {
    const h = exampleHeader();
    Object.assign(h, { counterFreqHz: 1, baseCounter: 3, baseTime: '10:00:00', baseDate: '25/04/1989' });
    Object.assign(h.signals[0], {
      samplesPerFrame: 2,
      skew: 3,
      byteOffset: 24,
      baselineAdc: -40,
      units: 'uV',
    });
    const text = formatHeader(h);
    expect(text.split('\n')[0]).toBe('pqrst_0001 1 500/1(3) 5000 10:00:00 25/04/1989');
    expect(text.split('\n')[1]).toBe('pqrst_0001.dat 16x2:3+24 1000(-40)/uV 16 0 -12 -5443 0 II');
    expect(parseHeader(text)).toEqual(h);
  });

  it('round-trips through parseHeader', () => {
    const h = exampleHeader();
    expect(parseHeader(formatHeader(h))).toEqual(h);
    h.signals[0].description = '';
    h.signals[0].checksum = undefined;
    h.nSamples = 0;
    const back = parseHeader(formatHeader(h));
    expect(back.signals[0]).toMatchObject({ description: '', initialValue: -12 });
    expect(back.signals[0].checksum).toBeUndefined();
  });

  it('refuses values a header line cannot carry', () => {
    const spaced = exampleHeader();
    spaced.signals[0].fileName = 'a b.dat';
    expect(ioErrorOf(() => formatHeader(spaced)).field).toBe('signal 0 file name');
    const count = exampleHeader();
    count.nSignals = 2;
    expect(ioErrorOf(() => formatHeader(count)).field).toBe('number of signals');
    const gain = exampleHeader();
    gain.signals[0].gainAdcPerUnit = NaN;
    expect(ioErrorOf(() => formatHeader(gain)).field).toBe('signal 0 gain');
    gain.signals[0].gainAdcPerUnit = 0;
    expect(ioErrorOf(() => formatHeader(gain)).message).toMatch(/read back as 200/);
    const sum = exampleHeader();
    sum.signals[0].checksum = undefined;
    expect(ioErrorOf(() => formatHeader(sum)).field).toBe('signal 0 checksum');
  });
});

interface GoldenSignal {
  name: string;
  file: string;
  fmt: string;
  spf: number;
  byte_offset: number;
  gain: number;
  baseline: number;
  units: string;
  checksum_header: number;
}

interface GoldenHeader {
  header: string;
  fs: number;
  n_samples: number;
  n_sig: number;
  signals: GoldenSignal[];
}

describeWithEcgData('parseHeader on real PhysioNet headers (labels/parser_golden.json)', (dataDir) => {
  const golden = JSON.parse(readEcgText(dataDir, 'labels/parser_golden.json')) as GoldenHeader[];

  it('covers the golden list, including 16+24, 212x4 and non-default formats', () => {
    expect(golden.length).toBeGreaterThan(200);
  });

  it.each(golden.map((g) => [g.header, g] as const))('%s matches the golden fields', (_name, g) => {
    const h = parseHeader(readEcgText(dataDir, g.header), g.header);
    expect(h.fsHz).toBe(g.fs);
    expect(h.nSamples).toBe(g.n_samples);
    expect(h.nSignals).toBe(g.n_sig);
    expect(h.signals).toHaveLength(g.signals.length);
    g.signals.forEach((gs, i) => {
      const s = h.signals[i];
      expect(s.description).toBe(gs.name);
      expect(s.fileName).toBe(gs.file);
      expect(String(s.format)).toBe(gs.fmt);
      expect(s.samplesPerFrame).toBe(gs.spf);
      expect(s.byteOffset).toBe(gs.byte_offset);
      expect(s.gainAdcPerUnit).toBe(gs.gain);
      expect(s.baselineAdc).toBe(gs.baseline);
      expect(s.units).toBe(gs.units);
      expect(s.checksum).toBe(gs.checksum_header);
    });
    // Writing the parsed header and reading it again changes nothing.
    expect(parseHeader(formatHeader(h))).toEqual(h);
  });

  it('reads MIT-BIH 100 (comment before the record line, blank line) and the #Dx: info lines of CinC 2020', () => {
    const h100 = parseHeader(readEcgText(dataDir, 'mitdb/original/100.hea'), '100.hea');
    expect(h100.signals.map((s) => s.description)).toEqual(['MLII', 'V5']);
    expect(h100.comments).toContain('Aldomet, Inderal');
    const e = parseHeader(readEcgText(dataDir, 'cinc2020/E00009.hea'), 'E00009.hea');
    expect(e.comments.find((c) => c.startsWith('Dx:'))).toBe('Dx: 428750005,39732003,427084000');
    expect(e.signals.map((s) => s.description)).toEqual([
      'I',
      'II',
      'III',
      'aVR',
      'aVL',
      'aVF',
      'V1',
      'V2',
      'V3',
      'V4',
      'V5',
      'V6',
    ]);
  });
});
