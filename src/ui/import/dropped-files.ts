/**
 * The files of a drop on the import zone: plain files as they are, and dropped folders walked
 * recursively (Chromium's `webkitGetAsEntry`), each file listed under its path inside the drop
 * (`reencoded/201.hea`) so that a record's files pair up as they do when a folder is picked.
 */
import { pickedFile, type PickedFile } from '../../app/import-client.ts';

/** What a drop's item holds, taken while the drop event runs (the list is empty afterwards). */
interface DropItem {
  entry: FileSystemEntry | null;
  file: File | null;
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** All entries of a folder (`readEntries` gives them in batches until an empty one). */
async function entriesOf(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

async function walk(entry: FileSystemEntry, out: PickedFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await fileOf(entry as FileSystemFileEntry);
    out.push({ file, name: entry.fullPath.replace(/^\/+/, '') });
  } else if (entry.isDirectory) {
    const children = await entriesOf(entry as FileSystemDirectoryEntry);
    children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const child of children) await walk(child, out);
  }
}

/** The items of `data`; call while the drop event runs. */
export function dropItems(data: DataTransfer): DropItem[] {
  const items = [...data.items].filter((i) => i.kind === 'file');
  if (items.length === 0) return [...data.files].map((file) => ({ entry: null, file }));
  return items.map((i) => ({ entry: i.webkitGetAsEntry?.() ?? null, file: i.getAsFile() }));
}

/** The files of the drop's `items`, folders walked; unreadable entries are left out. */
export async function droppedFiles(items: readonly DropItem[]): Promise<PickedFile[]> {
  const out: PickedFile[] = [];
  for (const item of items) {
    if (item.entry?.isDirectory) {
      await walk(item.entry, out).catch(() => undefined);
    } else if (item.file !== null) {
      out.push(pickedFile(item.file));
    }
  }
  return out;
}
