import { describe, expect, it } from 'vitest';
import { IoError } from '../../src/io/io-error.ts';
import {
  ANNOTATION_SYMBOL_BY_CODE,
  annotationCode,
  annotationSymbol,
} from '../../src/io/wfdb-annotation-codes.ts';
import {
  decodeAnnotations,
  encodeAnnotations,
  isBeatSymbol,
  type WfdbAnnotation,
} from '../../src/io/wfdb-annotation.ts';
import { describeWithEcgData, ecgFileExists, readCsvRecords, readEcgBytes } from './helpers/ecg-data.ts';

const ann = (sample: number, symbol: string, extra: Partial<WfdbAnnotation> = {}): WfdbAnnotation => ({
  sample,
  symbol,
  subtype: 0,
  chan: 0,
  num: 0,
  aux: '',
  ...extra,
});

/** A small file worked out by hand from annot(5); the comments give each 16-bit word. */
const HAND_ANNS: WfdbAnnotation[] = [
  ann(5, 'N'),
  ann(1030, 'V'),
  ann(1030, '+', { aux: '(N' }),
  ann(1040, '"', { subtype: -1, chan: 1, num: 2, aux: 'x' }),
  ann(1041, 'N', { chan: 1, num: 2 }),
  ann(1000, 'N', { chan: 1, num: 2 }),
];
// prettier-ignore
const HAND_BYTES = [
  0x05, 0x04, //             N (code 1), interval 5:        1 << 10 | 5     = 0x0405
  0x00, 0xec, //             SKIP (59), I = 0:              59 << 10        = 0xEC00
  0x00, 0x00, 0x01, 0x04, // interval 1025 = 0x00000401, high word first, each word low byte first
  0x00, 0x14, //             V (5), interval 0 (the SKIP carried it)         = 0x1400
  0x00, 0x70, //             + (28), interval 0                              = 0x7000
  0x02, 0xfc, //             AUX (63), 2 bytes                               = 0xFC02
  0x28, 0x4e, //             "(N" (even length: no pad)
  0x0a, 0x58, //             " (22, NOTE), interval 10                       = 0x580A
  0xff, 0xf7, //             SUB (61), -1 & 0x3FF                            = 0xF7FF
  0x01, 0xf8, //             CHAN (62), 1 (changed from 0)                   = 0xF801
  0x02, 0xf0, //             NUM (60), 2 (changed from 0)                    = 0xF002
  0x01, 0xfc, //             AUX, 1 byte                                     = 0xFC01
  0x78, 0x00, //             "x" + pad byte
  0x01, 0x04, //             N, interval 1; chan and num unchanged, subtype 0: nothing more
  0x00, 0xec, //             SKIP
  0xff, 0xff, 0xd7, 0xff, // interval -41 = 0xFFFFFFD7
  0x00, 0x04, //             N, interval 0
  0x00, 0x00, //             end of file
];

describe('MIT annotation format: hand-computed bytes', () => {
  it('encodes exactly as annot(5) and putann lay it out', () => {
    expect([...encodeAnnotations(HAND_ANNS)]).toEqual(HAND_BYTES);
  });

  it('decodes the same bytes back', () => {
    expect(decodeAnnotations(Uint8Array.from(HAND_BYTES))).toEqual(HAND_ANNS);
  });

  it('applies SUB to one annotation only and carries CHAN and NUM over (annot(5))', () => {
    // prettier-ignore
    const bytes = Uint8Array.from([
      0x0a, 0x04, 0x03, 0xf4, 0x02, 0xf8, 0x07, 0xf0, // N at 10, SUB 3, CHAN 2, NUM 7
      0x0a, 0x14, //                                     V at 20
      0x0a, 0x04, 0x80, 0xf0, //                         N at 30, NUM 0x80 = -128 as a signed char
      0x00, 0x00,
    ]);
    expect(decodeAnnotations(bytes)).toEqual([
      ann(10, 'N', { subtype: 3, chan: 2, num: 7 }),
      ann(20, 'V', { chan: 2, num: 7 }),
      ann(30, 'N', { chan: 2, num: -128 }),
    ]);
  });

  it('reads an annotation file with no end word, a leading SKIP and aux cut at its NUL', () => {
    // SKIP 70000 (0x00011170), N, AUX 3 "(N\0" + pad: the MIT-BIH files store rhythm strings this way.
    const bytes = Uint8Array.from([
      0x00, 0xec, 0x01, 0x00, 0x70, 0x11, 0x00, 0x70, 0x03, 0xfc, 0x28, 0x4e, 0, 0,
    ]);
    expect(decodeAnnotations(bytes)).toEqual([ann(70000, '+', { aux: '(N' })]);
  });

  it('stops at the 0 word and reports truncated SKIP and AUX data', () => {
    expect(decodeAnnotations(Uint8Array.from([0x05, 0x04, 0, 0, 0x05, 0x04]))).toEqual([ann(5, 'N')]);
    expect(() => decodeAnnotations(Uint8Array.from([0x00, 0xec, 0x01]), 'x.atr')).toThrow(/x\.atr.*SKIP/);
    expect(() => decodeAnnotations(Uint8Array.from([0x05, 0x04, 0x04, 0xfc, 0x28]))).toThrow(IoError);
    expect(() => decodeAnnotations(Uint8Array.from([0x01, 0xf8, 0, 0]))).toThrow(
      /before the first annotation/,
    );
  });
});

describe('encodeAnnotations', () => {
  it('round-trips gaps over 1023 samples, negative steps, aux of odd and even length, SUB/CHAN/NUM changes', () => {
    const symbols = [...ANNOTATION_SYMBOL_BY_CODE.values()];
    let sample = 0;
    let seed = 12345;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const anns: WfdbAnnotation[] = [];
    for (let i = 0; i < 2000; i++) {
      sample += [0, 1, 300, 1023, 1024, 5000, 100000][rand(7)];
      if (rand(50) === 0) sample = Math.max(0, sample - rand(3000));
      const auxLen = rand(4) === 0 ? rand(40) : 0;
      anns.push({
        sample,
        symbol: symbols[rand(symbols.length)],
        subtype: rand(5) === 0 ? rand(256) - 128 : 0,
        chan: rand(8) === 0 ? rand(256) : 0,
        num: rand(8) === 0 ? rand(256) - 128 : 0,
        aux: Array.from({ length: auxLen }, (_, k) => String.fromCharCode(32 + ((k * 7 + i) % 95))).join(''),
      });
    }
    anns.push(ann(3, '[42]'), ann(3, ' '), ann(2 ** 31, 'N'), ann(2 ** 31 + 5, 'V', { aux: '\u00b5V' }));
    expect(decodeAnnotations(encodeAnnotations(anns))).toEqual(anns);
  });

  it('writes a code-0 annotation as a SKIP to the sample before plus interval 1 (never a 0 word)', () => {
    expect([...encodeAnnotations([ann(0, ' ')])]).toEqual([
      0x00, 0xec, 0xff, 0xff, 0xff, 0xff, 0x01, 0x00, 0, 0,
    ]);
  });

  it('uses mnemonics the file defines in leading NOTEs at sample 0, both ways', () => {
    const anns = [
      ann(0, '"', { aux: '15 c calibration pulse' }),
      ann(100, 'c'),
      ann(101, '[17]'),
      ann(102, 'N'),
    ];
    const bytes = encodeAnnotations(anns);
    expect([...bytes.subarray(bytes.length - 8)]).toEqual([0x64, 0x3c, 0x01, 0x44, 0x01, 0x04, 0, 0]);
    expect(decodeAnnotations(bytes)).toEqual(anns);
    // Without the definition, code 15 has no mnemonic.
    expect(decodeAnnotations(bytes.subarray(bytes.length - 8))[0].symbol).toBe('[15]');
  });

  it('names an unknown symbol in the IoError', () => {
    expect(() => encodeAnnotations([ann(1, 'N'), ann(2, 'Z')])).toThrow(/annotation 1 symbol.*"Z"/);
    expect(() => encodeAnnotations([ann(1, '[59]')])).toThrow(IoError);
  });

  it('refuses out-of-range fields and aux it cannot store', () => {
    expect(() => encodeAnnotations([ann(-1, 'N')])).toThrow(/sample/);
    expect(() => encodeAnnotations([ann(1, 'N', { chan: 256 })])).toThrow(/chan/);
    expect(() => encodeAnnotations([ann(1, 'N', { num: 128 })])).toThrow(/num/);
    expect(() => encodeAnnotations([ann(1, 'N', { subtype: 1.5 })])).toThrow(/subtype/);
    expect(() => encodeAnnotations([ann(1, '+', { aux: 'x'.repeat(256) })])).toThrow(/255/);
    expect(() => encodeAnnotations([ann(1, '+', { aux: '\u2013' })])).toThrow(/aux/);
  });
});

describe('annotation codes (ecgcodes.h)', () => {
  it('maps the standard codes to their mnemonics', () => {
    // prettier-ignore
    const expected: [number, string][] = [
      [1, 'N'], [2, 'L'], [3, 'R'], [4, 'a'], [5, 'V'], [6, 'F'], [7, 'J'], [8, 'A'], [9, 'S'], [10, 'E'],
      [11, 'j'], [12, '/'], [13, 'Q'], [14, '~'], [16, '|'], [18, 's'], [19, 'T'], [20, '*'], [21, 'D'],
      [22, '"'], [23, '='], [24, 'p'], [25, 'B'], [26, '^'], [27, 't'], [28, '+'], [29, 'u'], [30, '?'],
      [31, '!'], [32, '['], [33, ']'], [34, 'e'], [35, 'n'], [36, '@'], [37, 'x'], [38, 'f'], [39, '('],
      [40, ')'], [41, 'r'],
    ];
    for (const [code, symbol] of expected) {
      expect(annotationSymbol(code)).toBe(symbol);
      expect(annotationCode(symbol)).toBe(code);
    }
    expect(annotationSymbol(15)).toBe('[15]');
    expect(annotationSymbol(45)).toBe('[45]');
    expect(annotationCode('[15]')).toBe(15);
    expect(annotationCode('[1]')).toBeUndefined(); // code 1 has a mnemonic
    expect(annotationCode('Z')).toBeUndefined();
  });

  it('knows the beat symbols', () => {
    for (const s of 'NLRBAaJSVrFejnE/fQ?') expect(isBeatSymbol(s)).toBe(true);
    for (const s of ['+', '~', '|', '"', 'x', '[', '!', 'p', 't', '(', ')', ''])
      expect(isBeatSymbol(s)).toBe(false);
  });
});

/** Where each record of labels/mitdb_beat_counts.csv keeps its reference annotations. */
function atrPath(dataDir: string, record: string): string | null {
  for (const p of [
    `mitdb/original/${record}.atr`,
    `mitdb/reencoded/${record}.atr`,
    `mitdb/wfdb2mat/${record}m.atr`,
  ]) {
    if (ecgFileExists(dataDir, p)) return p;
  }
  return null;
}

describeWithEcgData('decodeAnnotations on real PhysioNet .atr files', (dataDir) => {
  const counts = readCsvRecords(dataDir, 'labels/mitdb_beat_counts.csv');
  const segments = readCsvRecords(dataDir, 'labels/rhythm_segments.csv');

  it('reads the first annotations of MIT-BIH 100 as stored: (N rhythm at 18, N at 77', () => {
    const anns = decodeAnnotations(readEcgBytes(dataDir, 'mitdb/original/100.atr'), '100.atr');
    expect(anns[0]).toEqual(ann(18, '+', { aux: '(N' }));
    expect(anns[1]).toEqual(ann(77, 'N'));
  });

  it.each(counts.map((row) => [row.record, row] as const))(
    'record %s: beat counts per symbol',
    (record, row) => {
      const file = atrPath(dataDir, record);
      expect(file, `no .atr for record ${record}`).not.toBeNull();
      const anns = decodeAnnotations(readEcgBytes(dataDir, file!), file!);
      const tally = new Map<string, number>();
      for (const a of anns) tally.set(a.symbol, (tally.get(a.symbol) ?? 0) + 1);
      for (const [symbol, count] of Object.entries(row)) {
        if (symbol !== 'record') expect(tally.get(symbol) ?? 0, `${record} ${symbol}`).toBe(Number(count));
      }
      // Samples never decrease in these files, and re-encoding reproduces the same annotations.
      anns.forEach((a, i) => expect(a.sample).toBeGreaterThanOrEqual(i === 0 ? 0 : anns[i - 1].sample));
      expect(decodeAnnotations(encodeAnnotations(anns))).toEqual(anns);
    },
  );

  it.each(counts.map((row) => [row.record] as const))(
    'record %s: rhythm notes match labels/rhythm_segments.csv',
    (record) => {
      const file = atrPath(dataDir, record)!;
      const rhythms = decodeAnnotations(readEcgBytes(dataDir, file), file)
        .filter((a) => a.symbol === '+')
        .map((a) => `${a.aux}@${a.sample}`);
      expect(rhythms.length).toBeGreaterThan(0);
      expect(rhythms.every((r) => r.startsWith('('))).toBe(true);
      const expected = segments
        .filter((s) => s.record === record)
        .map((s) => `${s.rhythm}@${s.start_sample}`);
      expect(rhythms).toEqual(expected);
    },
  );

  it('finds the documented rhythms: AF in 201, flutter in 203, pre-excitation in 230', () => {
    const auxOf = (record: string): Set<string> =>
      new Set(decodeAnnotations(readEcgBytes(dataDir, atrPath(dataDir, record)!)).map((a) => a.aux));
    expect(auxOf('201').has('(AFIB')).toBe(true);
    expect(auxOf('203').has('(AFL')).toBe(true);
    expect(auxOf('230').has('(PREX')).toBe(true);
  });

  it('re-encodes files written by putann byte for byte (1003.atr with its SKIP, CPSC 2021)', () => {
    const files = ['format_samples/wfdb-python/1003.atr', 'cpsc2021/data_101_6.atr', 'cpsc2021/data_8_2.atr'];
    for (const file of files.filter((f) => ecgFileExists(dataDir, f))) {
      const bytes = readEcgBytes(dataDir, file);
      expect([...encodeAnnotations(decodeAnnotations(bytes, file))], file).toEqual([...bytes]);
    }
  });

  it('reads 1003.atr: its annotation-table NOTEs at sample 0, then a code-0 annotation written via SKIP -1', () => {
    const anns = decodeAnnotations(readEcgBytes(dataDir, 'format_samples/wfdb-python/1003.atr'), '1003.atr');
    expect(anns[0]).toEqual(ann(0, '"', { aux: '## annotation type definitions' }));
    expect(anns[1]).toEqual(ann(0, '"', { aux: '15 c calibration pulse\n' }));
    expect(anns[8]).toEqual(ann(0, ' '));
    expect(anns.filter((a) => isBeatSymbol(a.symbol)).length).toBeGreaterThan(900);
  });

  it('reads the CPSC 2021 annotation files present, with rhythm episodes as in rhythm_segments.csv', () => {
    const records = [
      ...new Set(segments.filter((s) => s.record.startsWith('cpsc2021/')).map((s) => s.record)),
    ];
    const present = records.filter((r) => ecgFileExists(dataDir, `${r}.atr`));
    expect(present.length).toBeGreaterThan(0);
    for (const record of present) {
      const anns = decodeAnnotations(readEcgBytes(dataDir, `${record}.atr`), `${record}.atr`);
      expect(anns.some((a) => isBeatSymbol(a.symbol))).toBe(true);
      const starts = anns.filter((a) => a.symbol === '+').map((a) => `${a.aux}@${a.sample}`);
      const expected = segments
        .filter((s) => s.record === record)
        .map((s) => `${s.rhythm}@${s.start_sample}`);
      expect(starts, record).toEqual(expected);
    }
  });
});
