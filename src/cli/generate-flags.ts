/** The flags of `pqrst generate`: a recipe from flags or from `--recipe FILE`, and how to run it. */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { CLASS_NAMES, type ClassName } from '../core/units.ts';
import type { ShardChoice } from '../dataset/export-dataset.ts';
import { buildRecipe } from '../dataset/recipe-build.ts';
import { parseRecipe, RecipeError } from '../dataset/recipe-validate.ts';
import { OUTPUT_FORMATS, type SyntheticRecipe } from '../dataset/recipe.ts';
import type { PresetName } from '../synth/index.ts';
import { choiceFlag, numberFlag, parseFlags, type Flags } from './args.ts';
import { CliError } from './cli-error.ts';

/** Flags that describe the dataset: refused together with --recipe, which describes it. */
export const RECIPE_FLAGS = [
  '--class',
  '--count',
  '--seconds',
  '--fs',
  '--seed',
  '--noise',
  '--format',
  '--preset',
  '--split',
];
const RUN_FLAGS = ['--recipe', '--out', '--shard', '--workers', '--recipe-out'];
const BOOLEANS = ['--force', '--quiet', '--zip'];

/** A parsed `generate` command. */
export interface GenerateCommand {
  recipe: SyntheticRecipe;
  /** The folder or .zip to create (absolute); undefined with only --recipe-out. */
  outPath?: string;
  zip: boolean;
  shard?: ShardChoice;
  workers: number;
  /** Write the recipe here too (absolute). */
  recipeOut?: string;
  force: boolean;
  quiet: boolean;
}

/** `--class nsr` or a comma-separated list `nsr,af,pvc` (each at most once). */
function classList(flags: Flags): ClassName[] {
  const text = flags.get('--class') ?? 'nsr';
  const names = text.split(',').map((s) => s.trim());
  for (const name of names) {
    if (!(CLASS_NAMES as readonly string[]).includes(name)) {
      throw new CliError(
        '--class',
        `expected one or more of ${CLASS_NAMES.join('|')} (comma-separated), got '${text}'`,
      );
    }
  }
  if (new Set(names).size !== names.length)
    throw new CliError('--class', `a class is listed twice in '${text}'`);
  return names as ClassName[];
}

/** The recipe the dataset flags describe (`--count` records of each class). */
function recipeFromDatasetFlags(flags: Flags): SyntheticRecipe {
  const classes = classList(flags);
  const count = numberFlag(flags, '--count', 10, 1, 10_000_000, true);
  const seconds = numberFlag(flags, '--seconds', 10, 1, 600, false, 's');
  const fsHz = numberFlag(flags, '--fs', 500, 100, 1000, true, 'Hz');
  const seed = numberFlag(flags, '--seed', 1, 0, 4294967295, true);
  const noise = choiceFlag(flags, '--noise', 'default', ['default', 'none'] as const);
  const output = choiceFlag(flags, '--format', 'wfdb', OUTPUT_FORMATS);
  const preset = choiceFlag<PresetName>(flags, '--preset', 'default', ['default', 'nonaka2026']);
  const split = flags.has('--split') ? numberFlag(flags, '--split', 0, 0, 1, false) : undefined;
  if (split !== undefined && (split <= 0 || split >= 1)) {
    throw new CliError(
      '--split',
      `expected the validation fraction, a number between 0 and 1, got '${flags.get('--split')}'`,
    );
  }
  return buildRecipe({
    classes: classes.map((className) => ({ className, count })),
    seed,
    durationS: seconds,
    fsHz,
    preset,
    noise,
    output,
    split: split === undefined ? null : { validationFraction: split, seed },
  });
}

/** Read and check `--recipe FILE` (a usage error names the file and the field). */
function recipeFromFile(file: string): SyntheticRecipe {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError('--recipe', `cannot read ${file}: ${(e as Error).message}`);
  }
  try {
    return parseRecipe(text);
  } catch (e) {
    if (e instanceof RecipeError) throw new CliError('--recipe', `${file}: ${e.message}`);
    throw e;
  }
}

function shardFlag(flags: Flags): ShardChoice | undefined {
  const text = flags.get('--shard');
  if (text === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || count > 1_000_000 || index < 1 || index > count) {
    throw new CliError('--shard', `expected i/n with 1 ≤ i ≤ n (e.g. 3/8), got '${text}'`);
  }
  return { index, count };
}

/** Parse `generate`'s flags (throws CliError naming the first bad flag). */
export function parseGenerate(argv: string[]): GenerateCommand {
  const flags = parseFlags(argv, [...RECIPE_FLAGS, ...RUN_FLAGS], BOOLEANS);
  const recipeFile = flags.get('--recipe');
  if (recipeFile !== undefined) {
    const clash = RECIPE_FLAGS.find((f) => flags.has(f));
    if (clash)
      throw new CliError(
        clash,
        'cannot be used with --recipe (the recipe sets it; edit recipe.json instead)',
      );
  }
  const recipe =
    recipeFile !== undefined ? recipeFromFile(resolve(recipeFile)) : recipeFromDatasetFlags(flags);
  const out = flags.get('--out');
  const recipeOut = flags.get('--recipe-out');
  if ((out === undefined || out.trim() === '') && recipeOut === undefined) {
    throw new CliError('--out', 'required: the dataset folder (or .zip) to create');
  }
  const zip = flags.has('--zip') || (out !== undefined && out.toLowerCase().endsWith('.zip'));
  let outPath = out === undefined || out.trim() === '' ? undefined : resolve(out);
  if (outPath !== undefined && zip && !outPath.toLowerCase().endsWith('.zip')) outPath += '.zip';
  return {
    recipe,
    outPath,
    zip,
    shard: shardFlag(flags),
    workers: numberFlag(flags, '--workers', availableParallelism(), 1, 256, true),
    recipeOut: recipeOut === undefined ? undefined : resolve(recipeOut),
    force: flags.has('--force'),
    quiet: flags.has('--quiet'),
  };
}
