/**
 * The workspace archive: the whole workspace (or one item) as one file, to move it to another machine.
 * Layout (little-endian): 8-byte magic `PQRSTWS1`, u32 format version, u32 manifest length, the manifest
 * (UTF-8 JSON: each item's meta, JSON part, binary length and CRC-32), then the items' binary parts in
 * manifest order. Version 2 (models and experiment runs) adds each item's `dataVersion`, the version of
 * its kind's JSON part (see workspace-item-data.ts), and checks recipes, models and runs; a version-1
 * archive (presets and imports) is migrated on reading. Decoding checks everything before returning, so a truncated, corrupted, future or
 * foreign file is refused with a message and nothing is half-read.
 */
import { crc32 } from '../io/crc32.ts';
import { IoError } from '../io/io-error.ts';
import { decodeUtf8 } from '../io/text-decode.ts';
import { encodeUtf8 } from '../io/utf8-encode.ts';
import { checkItemData, ITEM_DATA_VERSIONS } from './workspace-item-data.ts';
import { WORKSPACE_KINDS, type WorkspaceItem, type WorkspaceItemMeta } from './workspace-types.ts';

/** The first 8 bytes of every archive ("PQRSTWS1"). */
export const ARCHIVE_MAGIC = encodeUtf8('PQRSTWS1');

/** The archive format version this studio writes and the newest it reads. */
export const ARCHIVE_VERSION = 2;

const HEADER_BYTES = 16;

/** One item's entry in the manifest. */
interface ManifestItem {
  meta: WorkspaceItemMeta;
  data: unknown;
  /** Length of the binary part, or -1 when the item has none. */
  byteLength: number;
  crc32: number;
  /** The version of the item's JSON part (its kind's; version 2 on). */
  dataVersion: number;
}

/** The archive's JSON manifest. */
interface Manifest {
  format: 'pqrst-workspace';
  version: number;
  createdAt: number;
  items: ManifestItem[];
}

/** The size an item counts for: its JSON part as UTF-8 plus its binary part. */
export function itemSizeBytes(data: unknown, bytes: Uint8Array | null): number {
  return encodeUtf8(JSON.stringify(data ?? null)).length + (bytes?.byteLength ?? 0);
}

/** The archive of `items`; `createdAt` (ms since 1970) is written into the manifest. */
export function encodeWorkspaceArchive(items: readonly WorkspaceItem[], createdAt: number): Uint8Array {
  const manifest: Manifest = {
    format: 'pqrst-workspace',
    version: ARCHIVE_VERSION,
    createdAt,
    items: items.map((it) => ({
      meta: it.meta,
      data: it.data ?? null,
      byteLength: it.bytes === null ? -1 : it.bytes.byteLength,
      crc32: it.bytes === null ? 0 : crc32(it.bytes),
      dataVersion: ITEM_DATA_VERSIONS[it.meta.kind],
    })),
  };
  const json = encodeUtf8(JSON.stringify(manifest));
  const binary = items.reduce((n, it) => n + (it.bytes?.byteLength ?? 0), 0);
  const out = new Uint8Array(HEADER_BYTES + json.length + binary);
  out.set(ARCHIVE_MAGIC, 0);
  const view = new DataView(out.buffer);
  view.setUint32(8, ARCHIVE_VERSION, true);
  view.setUint32(12, json.length, true);
  out.set(json, HEADER_BYTES);
  let at = HEADER_BYTES + json.length;
  for (const it of items) {
    if (it.bytes === null) continue;
    out.set(it.bytes, at);
    at += it.bytes.byteLength;
  }
  return out;
}

function fail(file: string, reason: string, field?: string): never {
  throw new IoError(reason, { file, field });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Check one item's meta; `field` names it in the message. Returns it typed. */
export function validateItemMeta(file: string, field: string, v: unknown): WorkspaceItemMeta {
  if (!isRecord(v)) fail(file, 'not an object', field);
  const { id, kind, name, sizeBytes, createdAt, updatedAt } = v;
  if (typeof id !== 'string' || id === '') fail(file, 'must be a non-empty string', `${field}.id`);
  if (typeof kind !== 'string' || !(WORKSPACE_KINDS as readonly string[]).includes(kind)) {
    fail(file, `must be one of ${WORKSPACE_KINDS.join(', ')} (got ${JSON.stringify(kind)})`, `${field}.kind`);
  }
  if (typeof name !== 'string') fail(file, 'must be a string', `${field}.name`);
  for (const [key, n] of [
    ['sizeBytes', sizeBytes],
    ['createdAt', createdAt],
    ['updatedAt', updatedAt],
  ] as const) {
    if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) {
      fail(file, 'must be a number ≥ 0', `${field}.${key}`);
    }
  }
  return v as unknown as WorkspaceItemMeta;
}

/**
 * Migrate a manifest of an older format version to the current one, one version at a time, so older
 * archives keep loading. 1 → 2: every item's JSON part is of version 1.
 */
function migrateManifest(file: string, version: number, manifest: Record<string, unknown>): Manifest {
  let m = manifest;
  let v = version;
  if (v === 1) {
    const items = Array.isArray(m.items)
      ? m.items.map((it: unknown) => (isRecord(it) ? { ...it, dataVersion: 1 } : it))
      : m.items;
    m = { ...m, version: 2, items };
    v = 2;
  }
  if (v !== ARCHIVE_VERSION) fail(file, `no migration from format version ${version}`);
  return m as unknown as Manifest;
}

/**
 * Decode and fully check an archive (named `file` in messages). Throws IoError when it is not a
 * workspace archive, is from a newer studio, is truncated or has a damaged item.
 */
export function decodeWorkspaceArchive(bytes: Uint8Array, file = 'workspace archive'): WorkspaceItem[] {
  if (bytes.length < ARCHIVE_MAGIC.length || ARCHIVE_MAGIC.some((b, i) => bytes[i] !== b)) {
    fail(file, 'not a PQRST Studio workspace archive (it does not start with "PQRSTWS1")');
  }
  if (bytes.length < HEADER_BYTES) fail(file, `truncated: ${bytes.length} bytes, the header alone is 16`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version > ARCHIVE_VERSION) {
    fail(
      file,
      `made by a newer studio (format version ${version}; this one reads up to ${ARCHIVE_VERSION}); ` +
        'update the studio to import it',
    );
  }
  if (version < 1) fail(file, `unknown format version ${version}`);
  const jsonLength = view.getUint32(12, true);
  if (HEADER_BYTES + jsonLength > bytes.length) {
    fail(
      file,
      `truncated: the manifest needs ${HEADER_BYTES + jsonLength} bytes, the file has ${bytes.length}`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(decodeUtf8(bytes.subarray(HEADER_BYTES, HEADER_BYTES + jsonLength)));
  } catch (e) {
    fail(file, `the manifest is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!isRecord(parsed) || parsed.format !== 'pqrst-workspace')
    fail(file, 'not a workspace manifest', 'format');
  const manifest = migrateManifest(file, version, parsed);
  if (!Array.isArray(manifest.items)) fail(file, 'must be an array', 'items');
  let need = HEADER_BYTES + jsonLength;
  for (const [i, it] of manifest.items.entries()) {
    if (!isRecord(it)) fail(file, 'not an object', `items[${i}]`);
    validateItemMeta(file, `items[${i}].meta`, it.meta);
    const n = it.byteLength;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < -1) {
      fail(file, 'must be an integer ≥ -1', `items[${i}].byteLength`);
    }
    if (n > 0) need += n;
  }
  if (need > bytes.length) fail(file, `truncated: ${bytes.length} bytes of ${need}`);
  if (need < bytes.length) fail(file, `${bytes.length - need} unexpected bytes after the last item`);
  const items: WorkspaceItem[] = [];
  let at = HEADER_BYTES + jsonLength;
  for (const [i, it] of manifest.items.entries()) {
    let part: Uint8Array | null = null;
    if (it.byteLength >= 0) {
      part = bytes.slice(at, at + it.byteLength);
      at += it.byteLength;
      if (crc32(part) !== it.crc32)
        fail(file, 'damaged: its CRC-32 does not match', `items[${i}] (${it.meta.name})`);
    }
    const where = `items[${i}] (${it.meta.kind} '${it.meta.name}')`;
    checkItemData(file, where, it.meta.kind, it.dataVersion, it.data, it.byteLength);
    items.push({ meta: it.meta, data: it.data, bytes: part });
  }
  return items;
}
