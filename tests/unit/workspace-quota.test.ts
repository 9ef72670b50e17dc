import { describe, expect, it } from 'vitest';
import type { WorkspaceItemMeta } from '../../src/dataset/workspace-types.ts';
import { isQuotaError, quotaMessage } from '../../src/workspace/quota.ts';

function meta(
  id: string,
  kind: WorkspaceItemMeta['kind'],
  name: string,
  sizeBytes: number,
): WorkspaceItemMeta {
  return { id, kind, name, sizeBytes, createdAt: 0, updatedAt: 0 };
}

describe('quota message', () => {
  const metas = [
    meta('a', 'preset', 'p', 1000),
    meta('b', 'import', 'mitdb', 50e6),
    meta('c', 'import', 'cinc', 8e6),
  ];

  it('does not quote an estimate that shows room enough (Chromium reports usage + 10 GiB)', () => {
    const text = quotaMessage('bench', 20e6, { usageBytes: 3e6, quotaBytes: 10.7e9 }, metas);
    expect(text).toBe(
      "Not enough storage to keep bench: it needs 20.0 MB. Nothing kept was changed. Delete import 'mitdb' (50.0 MB) in the Workspace panel, then try again.",
    );
  });

  it('names the largest items until they make room when the free space is unknown', () => {
    const text = quotaMessage('bench', 55e6, null, metas);
    expect(text).toContain(
      "it needs 55.0 MB. Nothing kept was changed. Delete import 'mitdb' (50.0 MB), import 'cinc' (8.0 MB) in",
    );
  });

  it('recognises the browser error by name or message', () => {
    expect(isQuotaError(new DOMException('', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError(new Error('The quota has been exceeded.'))).toBe(true);
    expect(isQuotaError(new DOMException('', 'AbortError'))).toBe(false);
  });
});
