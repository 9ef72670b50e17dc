/**
 * Argument handling shared by the commands that take files (`pqrst inspect FILE`, `pqrst import
 * FILES...`): positional files apart from `--flag value` pairs, and files named by a flag read and parsed
 * with usage errors (`CliError`, exit 2) that name the flag, the file and the reason.
 */
import { readFileSync } from 'node:fs';
import type { Flags } from './args.ts';
import { CliError } from './cli-error.ts';

/**
 * Splits `argv` into the positional files and the flags: a flag in `valueFlags` takes the next argument
 * as its value unless that is itself a flag. Throws `CliError('FILES' or 'FILE', usage)` when no file is
 * given; `name` is that placeholder.
 */
export function splitFileArgs(
  argv: readonly string[],
  valueFlags: readonly string[],
  name: string,
  usage: string,
): { files: string[]; flags: string[] } {
  const files: string[] = [];
  const flags: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) files.push(arg);
    else {
      flags.push(arg);
      if (valueFlags.includes(arg) && i + 1 < argv.length && !argv[i + 1].startsWith('--')) {
        flags.push(argv[++i]);
      }
    }
  }
  if (files.length === 0) throw new CliError(name, `missing: ${usage}`);
  return { files, flags };
}

/** Runs `parse` on a flag's value, turning its error into a CliError naming the flag. */
export function parsedFlag<T>(flags: Flags, name: string, parse: (text: string) => T): T | undefined {
  const text = flags.get(name);
  if (text === undefined) return undefined;
  try {
    return parse(text);
  } catch (e) {
    throw new CliError(name, (e as Error).message);
  }
}

/** A file named by a flag: the flag, the path and the text. */
export interface FlagFile {
  flag: string;
  path: string;
  text: string;
}

/** The text of the file named by flag `name`, if given (CliError naming the flag when unreadable). */
export function flagFile(flags: Flags, name: string): FlagFile | undefined {
  const file = flags.get(name);
  if (file === undefined) return undefined;
  try {
    return { flag: name, path: file, text: readFileSync(file, 'utf8') };
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new CliError(name, `cannot read ${file}: ${why}`);
  }
}

/** Runs `parse` on a flag file's text, turning its error into a CliError naming the flag and the file. */
export function parsedFile<T>(file: FlagFile, parse: (text: string) => T): T {
  try {
    return parse(file.text);
  } catch (e) {
    throw new CliError(file.flag, `${file.path}: ${(e as Error).message}`);
  }
}
