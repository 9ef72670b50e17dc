/** A small strict `--flag value` parser: unknown flags, missing values and repeats are usage errors. */
import { CliError } from './cli-error.ts';

/** Parsed flags: each flag's value as given. */
export type Flags = Map<string, string>;

/** Parse `argv` (after the command) allowing only `allowed` flags; `booleans` take no value. */
export function parseFlags(
  argv: string[],
  allowed: readonly string[],
  booleans: readonly string[] = [],
): Flags {
  const flags: Flags = new Map();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new CliError(arg, 'unexpected argument (flags are --name value)');
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    if (!allowed.includes(name) && !booleans.includes(name)) throw new CliError(name, 'unknown flag');
    if (flags.has(name)) throw new CliError(name, 'given more than once');
    if (booleans.includes(name)) {
      if (eq >= 0) throw new CliError(name, 'takes no value');
      flags.set(name, 'true');
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new CliError(name, 'needs a value');
    flags.set(name, value);
  }
  return flags;
}

/** Parse a flag's value as a finite number within [min, max] (integer when `integer`). */
export function numberFlag(
  flags: Flags,
  name: string,
  fallback: number,
  min: number,
  max: number,
  integer: boolean,
  unit = '',
): number {
  const text = flags.get(name);
  if (text === undefined) return fallback;
  const value = text.trim() === '' ? NaN : Number(text);
  const what = `${integer ? 'an integer' : 'a number'} from ${min} to ${max}${unit ? ' ' + unit : ''}`;
  if (!Number.isFinite(value)) throw new CliError(name, `expected ${what}, got '${text}'`);
  if (integer && !Number.isInteger(value)) throw new CliError(name, `expected ${what}, got '${text}'`);
  if (value < min || value > max) throw new CliError(name, `expected ${what}, got '${text}'`);
  return value;
}

/** Parse a flag's value as one of `options`. */
export function choiceFlag<T extends string>(
  flags: Flags,
  name: string,
  fallback: T,
  options: readonly T[],
): T {
  const text = flags.get(name);
  if (text === undefined) return fallback;
  if (!(options as readonly string[]).includes(text)) {
    throw new CliError(name, `expected one of ${options.join('|')}, got '${text}'`);
  }
  return text as T;
}
