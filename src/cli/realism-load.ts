/**
 * File-system side of `pqrst realism`: reads a dataset folder (`signals.npy` + `labels.csv`, as
 * `pqrst generate --format npy` and `pqrst import` write them) and keeps the windows of one class, with
 * their records as groups. Errors name the flag, the folder and the reason (`CliError`, exit 2).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { classCountsText, classSet, type EcgSet } from '../analysis/realism/index.ts';
import type { ClassName } from '../core/units.ts';
import { IoError } from '../io/io-error.ts';
import { decodeNpy } from '../io/npy.ts';
import { ExperimentError } from '../train/experiment/experiment-error.ts';
import { datasetFromNpy, parseLabelsCsv } from '../train/experiment/labels-parse.ts';
import { CliError } from './cli-error.ts';

/** The windows of class `className` in the dataset folder `dir` given to `flag`. */
export function loadClassWindows(flag: string, dir: string, className: ClassName): EcgSet {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CliError(flag, `${dir} is not a folder`);
  const npyPath = path.join(dir, 'signals.npy');
  const labelsPath = path.join(dir, 'labels.csv');
  for (const f of [npyPath, labelsPath]) {
    if (!existsSync(f)) {
      throw new CliError(
        flag,
        `${dir} has no ${path.basename(f)} (expected a pqrst generate --format npy or pqrst import folder)`,
      );
    }
  }
  let dataset;
  try {
    const buf = readFileSync(npyPath);
    const rows = parseLabelsCsv(readFileSync(labelsPath, 'utf8'), labelsPath);
    dataset = datasetFromNpy(
      decodeNpy(new Uint8Array(buf.buffer, buf.byteOffset, buf.length), npyPath),
      rows,
      dir,
    );
  } catch (e) {
    if (e instanceof ExperimentError || e instanceof IoError) throw new CliError(flag, e.message);
    throw e;
  }
  const set = classSet(dataset, className);
  if (set === null) {
    throw new CliError(
      flag,
      `${dir} has no windows of class ${className} (it holds: ${classCountsText(dataset)})`,
    );
  }
  return set;
}
