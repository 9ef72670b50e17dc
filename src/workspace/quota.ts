/** Turns a failed save into a message: how much space it needed and which kept items to delete. */
import type { WorkspaceItemMeta } from '../dataset/workspace-types.ts';

/** `bytes` as MB with one decimal. */
export function formatMb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** Whether `err` is the browser's "storage full" error. */
export function isQuotaError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const name = (err as { name?: unknown }).name;
  const message = String((err as { message?: unknown }).message ?? '');
  return name === 'QuotaExceededError' || /quota/i.test(message);
}

/**
 * The message for a save of `neededBytes` that did not fit: the free space (from the estimate, when it
 * agrees that the save does not fit) and the largest kept items to delete, enough of them to make room.
 * Chromium's estimate may report far more room than it lets an origin write (its quota is not
 * disclosed exactly), so an estimate with room enough is not quoted.
 */
export function quotaMessage(
  what: string,
  neededBytes: number,
  estimate: { usageBytes: number; quotaBytes: number } | null,
  items: readonly WorkspaceItemMeta[],
): string {
  const free = estimate === null ? null : Math.max(0, estimate.quotaBytes - estimate.usageBytes);
  const known = estimate !== null && free !== null && free < neededBytes;
  const freeText = known ? `; ${formatMb(free)} free of ${formatMb(estimate.quotaBytes)}` : '';
  const shortBy = known ? neededBytes - free : neededBytes;
  const largest = [...items].sort((a, b) => b.sizeBytes - a.sizeBytes);
  const pick: WorkspaceItemMeta[] = [];
  let freed = 0;
  for (const it of largest) {
    if (pick.length > 0 && freed >= shortBy) break;
    pick.push(it);
    freed += it.sizeBytes;
    if (pick.length === 3) break;
  }
  const advice =
    pick.length === 0
      ? 'Nothing else is kept: free space in the browser (other sites) or keep a smaller import.'
      : `Delete ${pick.map((it) => `${it.kind} '${it.name}' (${formatMb(it.sizeBytes)})`).join(', ')} in the Workspace panel, then try again.`;
  return `Not enough storage to keep ${what}: it needs ${formatMb(neededBytes)}${freeText}. Nothing kept was changed. ${advice}`;
}
