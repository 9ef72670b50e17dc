import { IoError } from './io-error.ts';

/** An array read from an `.npy` file: its dtype descr (e.g. `<f4`), shape and C-order data. */
export interface NpyArray {
  dtype: string;
  shape: number[];
  data: Float32Array | Float64Array | Int16Array | Int32Array;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // "\x93NUMPY"
const ALIGN_BYTES = 64;
const V1_MAX_HEADER_BYTES = 0xffff;

const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function checkShape(shape: number[]): number {
  let count = 1;
  for (const n of shape) {
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new IoError(`shape entry ${n} is not a non-negative integer`, { field: 'shape' });
    }
    count *= n;
  }
  return count;
}

/** The Python tuple literal for a shape: `()`, `(5,)`, `(3, 4)`. */
function shapeTuple(shape: number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/**
 * The header of an NPY file holding a little-endian float32 C-order array of `shape`: the magic
 * `\x93NUMPY`, the version (1.0, or 2.0 when the header would exceed 65535 bytes), the header length and
 * the dict `{'descr': '<f4', 'fortran_order': False, 'shape': (R, C), }` padded with spaces and ended by
 * `\n` so that the data starts at a multiple of 64 bytes. Write it, then the rows, to stream a large array.
 */
export function npyHeaderFloat32(shape: number[]): Uint8Array {
  checkShape(shape);
  const dict = `{'descr': '<f4', 'fortran_order': False, 'shape': ${shapeTuple(shape)}, }`;
  const paddedEnd = (prefix: number): number =>
    Math.ceil((prefix + dict.length + 1) / ALIGN_BYTES) * ALIGN_BYTES;
  let prefixBytes = 10;
  let total = paddedEnd(prefixBytes);
  if (total - prefixBytes > V1_MAX_HEADER_BYTES) {
    prefixBytes = 12;
    total = paddedEnd(prefixBytes);
  }
  const headerBytes = total - prefixBytes;
  const out = new Uint8Array(total);
  out.set(MAGIC);
  const view = new DataView(out.buffer);
  if (prefixBytes === 10) {
    out[6] = 1;
    view.setUint16(8, headerBytes, true);
  } else {
    out[6] = 2;
    view.setUint32(8, headerBytes, true);
  }
  for (let i = 0; i < dict.length; i++) out[prefixBytes + i] = dict.charCodeAt(i);
  out.fill(0x20, prefixBytes + dict.length, total - 1);
  out[total - 1] = 0x0a;
  return out;
}

/**
 * A complete NPY file for a float32 array in C (row-major) order: `npyHeaderFloat32(shape)` followed by
 * the values as little-endian float32. `data.length` must equal the product of `shape`.
 */
export function encodeNpyFloat32(data: Float32Array, shape: number[]): Uint8Array {
  const count = checkShape(shape);
  if (count !== data.length) {
    throw new IoError(`shape (${shape.join(', ')}) holds ${count} values, data has ${data.length}`, {
      field: 'shape',
    });
  }
  const header = npyHeaderFloat32(shape);
  const out = new Uint8Array(header.length + data.length * 4);
  out.set(header);
  if (LITTLE_ENDIAN_HOST) {
    out.set(new Uint8Array(data.buffer, data.byteOffset, data.length * 4), header.length);
  } else {
    const view = new DataView(out.buffer, header.length);
    for (let i = 0; i < data.length; i++) view.setFloat32(i * 4, data[i], true);
  }
  return out;
}

interface DtypeInfo {
  itemBytes: number;
  make: (n: number) => NpyArray['data'];
  read: (view: DataView, offset: number) => number;
}

const DTYPES: ReadonlyMap<string, DtypeInfo> = new Map<string, DtypeInfo>([
  ['<f4', { itemBytes: 4, make: (n) => new Float32Array(n), read: (v, o) => v.getFloat32(o, true) }],
  ['<f8', { itemBytes: 8, make: (n) => new Float64Array(n), read: (v, o) => v.getFloat64(o, true) }],
  ['<i2', { itemBytes: 2, make: (n) => new Int16Array(n), read: (v, o) => v.getInt16(o, true) }],
  ['<i4', { itemBytes: 4, make: (n) => new Int32Array(n), read: (v, o) => v.getInt32(o, true) }],
]);

function fail(reason: string, field: string, fileName: string | undefined): never {
  throw new IoError(reason, { file: fileName, field });
}

function headerValue(header: string, key: string, pattern: string, fileName: string | undefined): string {
  const m = new RegExp(`['"]${key}['"]\\s*:\\s*${pattern}`).exec(header);
  if (m === null) fail(`no valid '${key}' entry in the header`, key, fileName);
  return m[1];
}

/**
 * Reads an NPY file (format versions 1.0, 2.0 and 3.0) holding a C-order little-endian array of dtype
 * `<f4`, `<f8`, `<i2` or `<i4`. Throws `IoError` on a bad magic or header, `fortran_order: True`,
 * big-endian or other dtypes, and data shorter than the shape needs.
 */
export function decodeNpy(bytes: Uint8Array, fileName?: string): NpyArray {
  const f = fileName;
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) {
    fail('not an NPY file (bad magic)', 'magic', f);
  }
  const major = bytes[6];
  if (major < 1 || major > 3) fail(`unsupported NPY format version ${major}.${bytes[7]}`, 'version', f);
  const prefixBytes = major === 1 ? 10 : 12;
  if (bytes.length < prefixBytes) fail('file ends inside the preamble', 'header length', f);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const headerBytes = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const dataStart = prefixBytes + headerBytes;
  if (dataStart > bytes.length) fail('file ends inside the header', 'header length', f);
  let header = '';
  for (let i = prefixBytes; i < dataStart; i++) header += String.fromCharCode(bytes[i]);

  const descr = headerValue(header, 'descr', `['"]([^'"]*)['"]`, f);
  const fortran = headerValue(header, 'fortran_order', '(True|False)', f);
  const shapeText = headerValue(header, 'shape', '\\(([^)]*)\\)', f);
  if (fortran === 'True') fail('Fortran-order arrays are not supported', 'fortran_order', f);
  if (descr.startsWith('>')) fail(`big-endian dtype '${descr}' is not supported`, 'descr', f);
  const info = DTYPES.get(descr);
  if (info === undefined) fail(`dtype '${descr}' is not supported (only <f4, <f8, <i2, <i4)`, 'descr', f);
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      if (!/^\d+L?$/.test(s)) fail(`shape entry "${s}" is not a non-negative integer`, 'shape', f);
      return Number(s.replace('L', ''));
    });
  const count = checkShape(shape);
  const dataBytes = count * info.itemBytes;
  if (dataStart + dataBytes > bytes.length) {
    const present = bytes.length - dataStart;
    fail(`shape (${shape.join(', ')}) needs ${dataBytes} data bytes, ${present} present`, 'data', f);
  }
  const data = info.make(count);
  if (LITTLE_ENDIAN_HOST) {
    new Uint8Array(data.buffer).set(bytes.subarray(dataStart, dataStart + dataBytes));
  } else {
    for (let i = 0; i < count; i++) data[i] = info.read(view, dataStart + i * info.itemBytes);
  }
  return { dtype: descr, shape, data };
}
