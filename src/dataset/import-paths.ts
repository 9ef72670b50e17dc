/**
 * Paths of imported files, the same for the CLI (file-system paths) and the studio (names relative to a
 * picked folder): split into folder, stem and extension with `/` or `\`, joined with `/`, and record
 * names that stay unique within one import. Pure.
 */

/** Files in a folder that are never signals (tables beside the records). */
export const NOT_SIGNAL_FILES = /^(REFERENCE|RECORDS|ANNOTATORS|SHA256SUMS|manifest|records)(\.csv|\.txt)?$/i;

/** The parts of a path: folder (no trailing `/`, '' for none), file name, stem, extension (lower case, with the dot). */
export interface PathParts {
  dir: string;
  file: string;
  stem: string;
  ext: string;
}

/** The parts of `name` (see PathParts); `\` counts as `/`. */
export function splitPath(name: string): PathParts {
  const norm = name.replace(/\\/g, '/');
  const slash = norm.lastIndexOf('/');
  const dir = slash < 0 ? '' : norm.slice(0, slash);
  const file = norm.slice(slash + 1);
  const dot = file.lastIndexOf('.');
  const ext = dot <= 0 ? '' : file.slice(dot).toLowerCase();
  return { dir, file, stem: ext === '' ? file : file.slice(0, dot), ext };
}

/** `dir/file`, or `file` when `dir` is empty. */
export function joinPath(dir: string, file: string): string {
  return dir === '' ? file : `${dir}/${file}`;
}

/**
 * Record names for the files `paths` (a header, an EDF or a CSV file each): the file name without
 * extension; where two share it, the parent folder and name (`original/100`); where that still repeats,
 * with the extension too (`derived/x.edf`, `derived/x.csv`).
 */
export function recordNamesOf(paths: readonly string[]): string[] {
  const levels = paths.map((p) => {
    const parts = splitPath(p);
    const parentDir = parts.dir.split('/').pop() ?? '';
    const parent = parentDir === '' ? parts.stem : `${parentDir}/${parts.stem}`;
    return [parts.stem, parent, `${parent}${parts.ext}`];
  });
  const counts = [0, 1, 2].map((k) => {
    const count = new Map<string, number>();
    for (const l of levels) count.set(l[k], (count.get(l[k]) ?? 0) + 1);
    return count;
  });
  return levels.map((l) => l.find((name, k) => counts[k].get(name) === 1) ?? l[2]);
}
