import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IoError } from '../../src/io/io-error.ts';
import { decodeNpy, encodeNpyFloat32, npyHeaderFloat32 } from '../../src/io/npy.ts';

const ascii = (bytes: Uint8Array): string => String.fromCharCode(...bytes);

/** An NPY v1.0 file built by hand (header dict `dict`, then `data` bytes). */
function handNpy(dict: string, data: Uint8Array): Uint8Array {
  const headerLen = Math.ceil((10 + dict.length + 1) / 64) * 64 - 10;
  const out = new Uint8Array(10 + headerLen + data.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, headerLen & 0xff, headerLen >> 8]);
  for (let i = 0; i < dict.length; i++) out[10 + i] = dict.charCodeAt(i);
  out.fill(0x20, 10 + dict.length, 10 + headerLen - 1);
  out[10 + headerLen - 1] = 0x0a;
  out.set(data, 10 + headerLen);
  return out;
}

describe('npyHeaderFloat32', () => {
  it('starts with \\x93NUMPY v1.0 and a dict padded so the data starts at a multiple of 64', () => {
    const h = npyHeaderFloat32([3, 4]);
    expect([...h.subarray(0, 8)]).toEqual([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
    const headerLen = h[8] | (h[9] << 8);
    expect(h.length).toBe(10 + headerLen);
    expect(h.length % 64).toBe(0);
    const dict = ascii(h.subarray(10));
    expect(dict.startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }")).toBe(true);
    expect(dict.endsWith('\n')).toBe(true);
    expect(dict.slice(59, -1)).toMatch(/^ *$/);
    expect(h.length).toBe(128); // 10 + 59-character dict + newline needs two 64-byte blocks
  });

  it('writes 1-D and 0-D shapes as Python tuples', () => {
    expect(ascii(npyHeaderFloat32([7]))).toContain("'shape': (7,), }");
    expect(ascii(npyHeaderFloat32([]))).toContain("'shape': (), }");
  });

  it('switches to version 2.0 (4-byte length) when the header exceeds 65535 bytes', () => {
    const shape = new Array<number>(25000).fill(1);
    const h = npyHeaderFloat32(shape);
    expect([h[6], h[7]]).toEqual([2, 0]);
    const headerLen = new DataView(h.buffer).getUint32(8, true);
    expect(headerLen).toBeGreaterThan(65535);
    expect(h.length).toBe(12 + headerLen);
    expect(h.length % 64).toBe(0);
    const back = decodeNpy(encodeNpyFloat32(Float32Array.from([2.5]), shape));
    expect(back.shape).toEqual(shape);
    expect([...back.data]).toEqual([2.5]);
  });

  it('refuses negative or fractional dimensions', () => {
    expect(() => npyHeaderFloat32([2, -1])).toThrow(IoError);
    expect(() => npyHeaderFloat32([1.5])).toThrow(IoError);
  });
});

describe('encodeNpyFloat32 / decodeNpy', () => {
  it('writes the values as little-endian float32 in C order after the header', () => {
    const bytes = encodeNpyFloat32(Float32Array.from([1, -2, 0.5, 3]), [2, 2]);
    expect([...bytes.subarray(128)]).toEqual([
      0x00, 0x00, 0x80, 0x3f, 0x00, 0x00, 0x00, 0xc0, 0x00, 0x00, 0x00, 0x3f, 0x00, 0x00, 0x40, 0x40,
    ]);
  });

  it('round-trips a 2-D array, including from a subarray view', () => {
    const backing = Float32Array.from({ length: 31 }, (_, i) => i * 0.1 - 1);
    const data = backing.subarray(1);
    const back = decodeNpy(encodeNpyFloat32(data, [5, 6]));
    expect(back.dtype).toBe('<f4');
    expect(back.shape).toEqual([5, 6]);
    expect(back.data).toBeInstanceOf(Float32Array);
    expect([...back.data]).toEqual([...data]);
  });

  it('refuses data that does not fill the shape', () => {
    expect(() => encodeNpyFloat32(new Float32Array(5), [2, 3])).toThrow(/holds 6 values, data has 5/);
  });

  it('reads <f8, <i2 and <i4 files, whatever the dict spacing and key order', () => {
    const f8 = new Uint8Array(Float64Array.from([1.25, -3]).buffer);
    const r8 = decodeNpy(handNpy("{'shape': (2,), 'fortran_order': False, 'descr': '<f8'}", f8));
    expect(r8.data).toBeInstanceOf(Float64Array);
    expect([...r8.data]).toEqual([1.25, -3]);
    const i2 = Uint8Array.from([0xff, 0xff, 0x00, 0x80, 0x01, 0x00]);
    const r2 = decodeNpy(handNpy("{'descr':'<i2','fortran_order':False,'shape':(1,3)}", i2));
    expect(r2).toMatchObject({ dtype: '<i2', shape: [1, 3] });
    expect([...r2.data]).toEqual([-1, -32768, 1]);
    const i4 = Uint8Array.from([0xfe, 0xff, 0xff, 0xff]);
    expect([
      ...decodeNpy(handNpy("{'descr': '<i4', 'fortran_order': False, 'shape': (1, 1), }", i4)).data,
    ]).toEqual([-2]);
  });

  it('refuses Fortran order, big-endian and unsupported dtypes, bad magic and short data with IoError', () => {
    const four = new Uint8Array(4);
    expect(() =>
      decodeNpy(handNpy("{'descr': '<f4', 'fortran_order': True, 'shape': (1,), }", four)),
    ).toThrow(/Fortran/);
    expect(() =>
      decodeNpy(handNpy("{'descr': '>f4', 'fortran_order': False, 'shape': (1,), }", four)),
    ).toThrow(/big-endian/);
    expect(() =>
      decodeNpy(handNpy("{'descr': '<u4', 'fortran_order': False, 'shape': (1,), }", four)),
    ).toThrow(/not supported/);
    expect(() =>
      decodeNpy(handNpy("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }", four)),
    ).toThrow(/needs 8 data bytes, 4 present/);
    expect(() => decodeNpy(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]), 'x.npy')).toThrow(
      /x\.npy.*magic/,
    );
  });
});

function numpyAvailable(): boolean {
  try {
    execFileSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const hasNumpy = numpyAvailable();
const describeNumpy = hasNumpy ? describe : describe.skip;

describeNumpy(
  `interoperability with numpy${hasNumpy ? '' : ' [skipped: python3 with numpy not found]'}`,
  () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pqrst-npy-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('numpy.load reads our file with the same shape and values', () => {
      const data = Float32Array.from({ length: 3 * 5 }, (_, i) => Math.fround(Math.sin(i) * 1e3) / 7);
      const file = path.join(dir, 'ours.npy');
      writeFileSync(file, encodeNpyFloat32(data, [3, 5]));
      const out = execFileSync(
        'python3',
        [
          '-c',
          'import json,sys,numpy as np; a=np.load(sys.argv[1]); ' +
            'print(json.dumps({"shape": list(a.shape), "dtype": a.dtype.str, "c": a.flags.c_contiguous, ' +
            '"values": [float(v) for v in a.ravel()]}))',
          file,
        ],
        { encoding: 'utf8' },
      );
      const parsed = JSON.parse(out) as { shape: number[]; dtype: string; c: boolean; values: number[] };
      expect(parsed).toMatchObject({ shape: [3, 5], dtype: '<f4', c: true });
      expect(parsed.values).toEqual([...data]);
    });

    it('decodeNpy reads files numpy.save wrote, for each supported dtype', () => {
      const script =
        'import sys,numpy as np; d=sys.argv[1]; a=np.arange(12).reshape(3,4) - 5; ' +
        'np.save(d+"/f4.npy", (a/4).astype("<f4")); np.save(d+"/f8.npy", (a/3).astype("<f8")); ' +
        'np.save(d+"/i2.npy", (a*1000).astype("<i2")); np.save(d+"/i4.npy", (a*100000).astype("<i4"))';
      execFileSync('python3', ['-c', script, dir]);
      const read = (name: string) => decodeNpy(new Uint8Array(readFileSync(path.join(dir, name))), name);
      const base = Array.from({ length: 12 }, (_, i) => i - 5);
      expect(read('f4.npy')).toMatchObject({ dtype: '<f4', shape: [3, 4] });
      expect([...read('f4.npy').data]).toEqual(base.map((v) => v / 4));
      expect([...read('f8.npy').data]).toEqual(base.map((v) => v / 3));
      expect([...read('i2.npy').data]).toEqual(base.map((v) => v * 1000));
      expect([...read('i4.npy').data]).toEqual(base.map((v) => v * 100000));
    });
  },
);
