import { describe, expect, it } from 'vitest';
import {
  ARCHIVE_VERSION,
  decodeWorkspaceArchive,
  encodeWorkspaceArchive,
  itemSizeBytes,
} from '../../src/dataset/workspace-archive.ts';
import type { WorkspaceItem } from '../../src/dataset/workspace-types.ts';
import { IoError } from '../../src/io/io-error.ts';
import { quotaMessage } from '../../src/workspace/quota.ts';

function item(
  id: string,
  kind: WorkspaceItem['meta']['kind'],
  data: unknown,
  bytes: Uint8Array | null,
): WorkspaceItem {
  return {
    meta: {
      id,
      kind,
      name: `name ${id} é`,
      sizeBytes: itemSizeBytes(data, bytes),
      createdAt: 1000,
      updatedAt: 2000,
    },
    data,
    bytes,
  };
}

function sample(): WorkspaceItem[] {
  const signals = new Uint8Array(new Float32Array([0.5, -1.25, Math.PI, Number.NaN, 1e-30]).buffer);
  return [
    item('preset:a', 'preset', { format: 'pqrst-preset', params: { heartRateBpm: 72 } }, null),
    item('import-1', 'import', { labelsCsv: 'row\n0', windows: 1 }, signals),
    item('recipe-1', 'recipe', { recipe: { seed: 1, classes: [1, 2, 3] } }, new Uint8Array(0)),
  ];
}

function refusal(bytes: Uint8Array): string {
  try {
    decodeWorkspaceArchive(bytes, 'w.pqrstws');
  } catch (e) {
    expect(e).toBeInstanceOf(IoError);
    return (e as Error).message;
  }
  throw new Error('not refused');
}

describe('workspace archive', () => {
  it('round-trips items byte for byte, with metas and JSON parts', () => {
    const items = sample();
    const bytes = encodeWorkspaceArchive(items, 123);
    const back = decodeWorkspaceArchive(bytes);
    expect(back).toHaveLength(3);
    for (const [i, it] of items.entries()) {
      expect(back[i].meta).toEqual(it.meta);
      expect(back[i].data).toEqual(it.data);
      expect(back[i].bytes === null ? null : Array.from(back[i].bytes!)).toEqual(
        it.bytes === null ? null : Array.from(it.bytes),
      );
    }
    expect(encodeWorkspaceArchive(back, 123)).toEqual(bytes);
  });

  it('counts an item as its JSON (UTF-8) plus its bytes', () => {
    expect(itemSizeBytes({ a: 'é' }, new Uint8Array(10))).toBe('{"a":"é"}'.length + 1 + 10);
  });

  it('refuses a file that is not an archive', () => {
    expect(refusal(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]))).toMatch(
      /w\.pqrstws: not a PQRST Studio workspace archive/,
    );
    expect(refusal(new Uint8Array(0))).toMatch(/not a PQRST Studio workspace archive/);
  });

  it('refuses a truncated archive at every cut', () => {
    const bytes = encodeWorkspaceArchive(sample(), 1);
    for (const cut of [10, 17, 40, bytes.length - 21, bytes.length - 1]) {
      expect(refusal(bytes.slice(0, cut))).toMatch(/truncated/);
    }
  });

  it('refuses an archive from a future version, naming both versions', () => {
    const bytes = encodeWorkspaceArchive(sample(), 1);
    new DataView(bytes.buffer).setUint32(8, ARCHIVE_VERSION + 1, true);
    expect(refusal(bytes)).toMatch(
      new RegExp(
        `newer studio \\(format version ${ARCHIVE_VERSION + 1}; this one reads up to ${ARCHIVE_VERSION}\\)`,
      ),
    );
  });

  it('refuses a damaged item, extra bytes, and a bad meta, naming the field', () => {
    const bytes = encodeWorkspaceArchive(sample(), 1);
    const damaged = bytes.slice();
    damaged[damaged.length - 1] ^= 0xff;
    expect(refusal(damaged)).toMatch(/items\[1\] \(name import-1 é\): damaged/);
    const longer = new Uint8Array(bytes.length + 3);
    longer.set(bytes);
    expect(refusal(longer)).toMatch(/3 unexpected bytes/);
    const bad = [{ ...sample()[0], meta: { ...sample()[0].meta, kind: 'photo' as never } }];
    expect(refusal(encodeWorkspaceArchive(bad, 1))).toMatch(
      /items\[0\]\.meta\.kind: must be one of preset, import/,
    );
  });
});

describe('quota message', () => {
  it('says how much is needed, what is free, and names the largest items to delete', () => {
    const metas = [
      { id: 'a', kind: 'preset' as const, name: 'p', sizeBytes: 1000, createdAt: 0, updatedAt: 0 },
      { id: 'b', kind: 'import' as const, name: 'mitdb', sizeBytes: 50e6, createdAt: 0, updatedAt: 0 },
    ];
    const text = quotaMessage("import 'x'", 30e6, { usageBytes: 95e6, quotaBytes: 100e6 }, metas);
    expect(text).toContain('needs 30.0 MB; 5.0 MB free of 100.0 MB');
    expect(text).toContain("Delete import 'mitdb' (50.0 MB)");
    expect(text).not.toContain("preset 'p'");
    expect(text).toContain('Nothing kept was changed');
  });
});
